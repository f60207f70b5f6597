package com.aimabledocs.artifacts.adapters.rest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.MultiPartSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds every {@code /v1} call of the REST tests to the published contract, {@code docs/openapi.yaml}, with
 * Atlassian's swagger-request-validator:
 * <ul>
 *   <li>every response must be one the document allows: status, headers (required ones present), media type
 *       and body schema (nullable fields, required fields, enums, formats);</li>
 *   <li>a problem+json answer must carry a {@code code} that the document lists for that status, so the
 *       codes clients branch on are promised, not discovered;</li>
 *   <li>a request the service accepted (2xx or 3xx) must be one the document allows, so the request schemas
 *       are not stricter than the service. A request the service refused (4xx) may break the document: the
 *       error tests send such requests on purpose.</li>
 * </ul>
 * Not checked: {@code /q/*} (health, metrics, the document itself: operator endpoints, not the API) and CORS
 * preflights ({@code OPTIONS}, answered by the HTTP layer per the Fetch standard, not API operations).
 */
public final class OpenApiValidation implements Filter {

    static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml").toAbsolutePath().normalize();

    /** The filter; stateless, shared by every test. */
    public static final OpenApiValidation FILTER = new OpenApiValidation(DOCUMENT);

    private static final Pattern CODE = Pattern.compile("`([a-z0-9_]+)`");

    private final OpenApiInteractionValidator validator;
    private final OpenAPI document;

    OpenApiValidation(Path document) {
        try {
            String text = Files.readString(document);
            this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text).build();
            this.document = new OpenAPIV3Parser().readContents(text, null, null).getOpenAPI();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + document, e);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        boolean api = path.equals("/v1") || path.startsWith("/v1/");
        if (!api || request.getMethod().equalsIgnoreCase("OPTIONS")) {
            return response;
        }
        List<String> parts = request.getMultiPartParams().stream().map(MultiPartSpecification::getControlName).toList();
        List<String> problems = problemsOf(RestAssuredRequest.of(request), RestAssuredResponse.of(response),
                response.statusCode(), response.contentType(), response.asByteArray(), parts);
        if (!problems.isEmpty()) {
            throw new AssertionError("%s %s answered %d, which breaks docs/openapi.yaml:%n  %s%nbody: %s".formatted(
                    request.getMethod(), request.getURI(), response.statusCode(), String.join("\n  ", problems),
                    abbreviate(response.asString())));
        }
        return response;
    }

    /** What in this exchange breaks the document; empty when it conforms. */
    List<String> problemsOf(Request request, com.atlassian.oai.validator.model.Response response, int status,
                            String contentType, byte[] body, List<String> multipartFields) {
        ValidationReport requestReport = validator.validateRequest(request);
        if (!multipartFields.isEmpty()) {
            // The rest-assured adapter does not pass multipart bodies on, so the validator sees none: check the
            // field names against the documented form instead.
            requestReport = without(requestReport, "validation.request.body.missing");
            requestReport = requestReport.merge(formFieldsReport(request, multipartFields));
        }
        boolean undocumented = requestReport.getMessages().stream().anyMatch(m -> m.getKey()
                .equals("validation.request.path.missing") || m.getKey().equals("validation.request.operation.notAllowed"));
        if (undocumented) {
            // No such operation: only a refusal is right, and it must be a problem like every other error.
            return status >= 400 && status < 500 && contentType != null && contentType.startsWith(ApiTestSupport.PROBLEM_JSON)
                    ? List.of()
                    : List.of("no operation in the document for this method and path, yet the answer is " + status);
        }
        ValidationReport responseReport = validator.validateResponse(request.getPath(), request.getMethod(), response);
        if (status >= 400 && body.length == 0 && (contentType == null || contentType.isEmpty()) || request.getMethod() == Request.Method.HEAD) {
            // A bare refusal of the HTTP layer (documented in the response's description), or a HEAD answer:
            // no body although the status is documented with one.
            responseReport = without(responseReport, "validation.response.body.missing");
        }
        List<String> problems = new java.util.ArrayList<>(messages(responseReport));
        if (status < 400) {
            problems.addAll(messages(requestReport).stream().map(m -> "request accepted although " + m).toList());
        }
        if (contentType != null && contentType.startsWith(ApiTestSupport.PROBLEM_JSON) && body.length > 0) {
            String code = new JsonPath(new String(body, java.nio.charset.StandardCharsets.UTF_8)).getString("code");
            Optional<String> listed = describedCodes(request.getMethod(), request.getPath(), status);
            if (listed.isPresent() && !codesIn(listed.get()).contains(code)) {
                problems.add("problem code `%s` is not among the codes documented for %d: %s".formatted(code, status,
                        codesIn(listed.get())));
            }
        }
        return problems;
    }

    private static ValidationReport without(ValidationReport report, String key) {
        return ValidationReport.from(report.getMessages().stream().filter(m -> !m.getKey().equals(key)).toList());
    }

    /** Form fields the operation's multipart/form-data schema does not name. */
    private ValidationReport formFieldsReport(Request request, List<String> fields) {
        Optional<java.util.Set<String>> documented = operationOf(request.getMethod(), request.getPath())
                .map(Operation::getRequestBody)
                .map(body -> body.getContent().get("multipart/form-data"))
                .map(media -> schema(media.getSchema()).getProperties().keySet());
        if (documented.isEmpty()) {
            return ValidationReport.singleton(ValidationReport.Message.create("validation.request.body.form",
                    "a multipart/form-data body, which the operation does not document").build());
        }
        return ValidationReport.from(fields.stream().filter(f -> !documented.get().contains(f))
                .map(f -> ValidationReport.Message.create("validation.request.body.form",
                        "form field " + f + " is not in the documented form " + documented.get()).build())
                .toList());
    }

    @SuppressWarnings("rawtypes")
    private io.swagger.v3.oas.models.media.Schema schema(io.swagger.v3.oas.models.media.Schema schema) {
        if (schema.get$ref() == null) {
            return schema;
        }
        return document.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    }

    private static List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()
                        + m.getContext().flatMap(c -> c.getPointers().map(p -> " (at " + p.getInstance() + ")")).orElse(""))
                .toList();
    }

    /** The description of the documented response for this status, whose back-quoted words list its codes. */
    private Optional<String> describedCodes(Request.Method method, String path, int status) {
        return operationOf(method, path)
                .map(op -> op.getResponses().get(Integer.toString(status)))
                .map(this::resolve)
                .map(ApiResponse::getDescription);
    }

    private Optional<Operation> operationOf(Request.Method method, String path) {
        return document.getPaths().entrySet().stream()
                .filter(e -> template(e.getKey()).matcher(path).matches())
                .map(Map.Entry::getValue)
                .map(item -> operation(item, method))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        return document.getComponents().getResponses().get(name);
    }

    private static java.util.Set<String> codesIn(String description) {
        return CODE.matcher(description).results().map(m -> m.group(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Pattern template(String pathTemplate) {
        return Pattern.compile(pathTemplate.replaceAll("\\{[^}/]+}", "[^/]+"));
    }

    private static Operation operation(PathItem item, Request.Method method) {
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name().toUpperCase(Locale.ROOT)));
    }

    private static String abbreviate(String body) {
        return body.length() <= 2_000 ? body : body.substring(0, 2_000) + "…";
    }
}
