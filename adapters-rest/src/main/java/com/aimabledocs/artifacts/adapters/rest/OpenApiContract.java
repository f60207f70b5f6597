package com.aimabledocs.artifacts.adapters.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated OpenAPI document with what every {@code /v1} operation shares, so resources
 * only annotate what is particular to them: the {@code X-API-Key} security scheme, the RFC 9457 problem
 * schema, the error responses every call can get (401, 429, 503, and 400/404 where a path or query
 * parameter exists), and the {@code X-Request-Id} and rate-limit headers on every response.
 */
public class OpenApiContract implements OASFilter {

    static final String API_KEY_SCHEME = "apiKey";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";

    /** Status → (component name, description): the error responses shared by operations. */
    private static final Map<String, String[]> SHARED_ERRORS = new java.util.TreeMap<>(Map.of(
            "400", new String[] {"BadRequest", "Invalid input; `code` says which (see `errors` for fields)."},
            "401", new String[] {"Unauthenticated", "Missing, unknown or revoked `X-API-Key` (`unauthenticated`)."},
            "403", new String[] {"Forbidden", "The key lacks the scope the operation needs (`forbidden`)."},
            "404", new String[] {"NotFound", "No such resource, or a space the key does not cover (`not_found`)."},
            "429", new String[] {"RateLimited", "Over the key's rate limit (`rate_limited`); see `Retry-After`."},
            "503", new String[] {"Unavailable", "A dependency is down (`database_unavailable`, `storage_unavailable`); retry after `Retry-After`."}));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(API_KEY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(ApiKeyFilter.HEADER)
                .description("An API key of the space (scopes `artifacts:read`, `artifacts:write`), or the admin"
                        + " credential on the administration routes."));
        components.addSchema("Problem", problemSchema());
        components.addHeader("X-Request-Id", header("Echoes a sane incoming `X-Request-Id`, else a new one; also in logs and problem bodies."));
        components.addHeader("RateLimit", header("Remaining quota of the key in the current window (IETF draft-ietf-httpapi-ratelimit-headers)."));
        components.addHeader("RateLimit-Policy", header("The key's quota policy (IETF draft-ietf-httpapi-ratelimit-headers)."));
        components.addHeader("Retry-After", header("Seconds to wait before retrying.").schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
        SHARED_ERRORS.forEach((status, named) -> components.addResponse(named[0], problemResponse(named[1], status)));

        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.getOperations().forEach((method, operation) -> complete(method, operation, path));
            }
        });
    }

    private static void complete(PathItem.HttpMethod method, Operation operation, String path) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY_SCHEME));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasParameters = path.contains("{") || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        for (String status : List.of("400", "401", "404", "429", "503")) {
            if ((!status.equals("400") && !status.equals("404")) || hasParameters) {
                if (!responses.hasAPIResponse(status)) {
                    responses.addAPIResponse(status, OASFactory.createAPIResponse()
                            .ref("#/components/responses/" + SHARED_ERRORS.get(status)[0]));
                }
            }
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() == null) {
                if (response.getHeaders() != null) {
                    response.getHeaders().values().stream()
                            .filter(h -> h.getRef() == null && h.getSchema() == null && h.getContent() == null)
                            .forEach(h -> h.setSchema(OASFactory.createSchema().addType(SchemaType.STRING)));
                }
                response.addHeader("X-Request-Id", OASFactory.createHeader().ref("#/components/headers/X-Request-Id"));
                response.addHeader("RateLimit", OASFactory.createHeader().ref("#/components/headers/RateLimit"));
                response.addHeader("RateLimit-Policy", OASFactory.createHeader().ref("#/components/headers/RateLimit-Policy"));
                if (status.startsWith("4") || status.startsWith("5")) {
                    ensureProblemContent(response);
                }
            }
        });
    }

    /** An error response declared by a resource without a body gets the problem body. */
    private static void ensureProblemContent(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        }
    }

    private static APIResponse problemResponse(String description, String status) {
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        response.addHeader("X-Request-Id", OASFactory.createHeader().ref("#/components/headers/X-Request-Id"));
        if (status.equals("429") || status.equals("503")) {
            response.addHeader("Retry-After", OASFactory.createHeader().ref("#/components/headers/Retry-After"));
        }
        if (status.equals("401")) {
            response.addHeader("WWW-Authenticate", header("`ApiKey header=\"X-API-Key\"`"));
        }
        return response;
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem with a stable `code`; never a stack trace or internal detail.")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .example("urn:aimabledocs:artifacts:problem:invalid_limit"))
                .addProperty("title", OASFactory.createSchema().addType(SchemaType.STRING).example("Invalid limit"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).example(400))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING)
                        .example("limit must be between 1 and 100"))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING)
                        .example("/v1/spaces/0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f/artifacts"))
                .addProperty("code", OASFactory.createSchema().addType(SchemaType.STRING).example("invalid_limit"))
                .addProperty("request_id", string)
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status", "code", "request_id"));
    }
}
