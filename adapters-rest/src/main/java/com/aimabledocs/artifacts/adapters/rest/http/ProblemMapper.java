package com.aimabledocs.artifacts.adapters.rest.http;

import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.UnauthenticatedException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotDownloadableException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyInUseException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyReusedException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactGoneException;
import com.aimabledocs.artifacts.domain.event.CursorExpiredException;
import com.aimabledocs.artifacts.domain.artifact.MediaTypeMismatchException;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.shared.DomainException;
import com.aimabledocs.artifacts.domain.shared.IllegalTransitionException;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.aimabledocs.artifacts.application.port.in.ContentDigestMismatchException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointDisabledException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointLimitException;
import com.aimabledocs.artifacts.domain.webhook.WebhookTargetRefusedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: every error leaves as {@code application/problem+json}
 * with a stable code, and nothing internal (stack trace, SQL, bucket, host) reaches the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, ContainerRequestContext request) {
        int status = statusOf(e);
        List<Problem.FieldError> errors = e instanceof InvalidValueException invalid
                ? List.of(new Problem.FieldError(invalid.field(), e.getMessage()))
                : List.of();
        if (status >= 500) {
            LOG.warnf("%s: %s", e.code(), causeOf(e));
        }
        Response.ResponseBuilder response = build(request, status, e.code(), e.getMessage(), errors);
        if (e instanceof UnauthenticatedException) {
            response.header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        }
        if (e instanceof UnavailableException) {
            response.header("Retry-After", "1");
        }
        if (e instanceof IdempotencyKeyInUseException inUse) {
            response.header("Retry-After", Integer.toString(inUse.retryAfterSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response api(ApiProblemException e, ContainerRequestContext request) {
        Response.ResponseBuilder response = build(request, e.status(), e.code(), e.getMessage(), e.errors());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        return api(StrictJson.invalidJson(e), request);
    }

    /**
     * The request body could not be read: a multipart body that ends early or breaks its own framing, a
     * connection cut mid-upload, or a chunked body past the HTTP layer's limit. The client's fault, never a 500.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, ContainerRequestContext request) {
        if (e.getMessage() != null && e.getMessage().contains("too large")) {
            return build(request, 413, "payload_too_large", "the request body is too large", List.of()).build();
        }
        return build(request, 400, "malformed_body", "the request body could not be read (truncated or malformed)",
                List.of()).build();
    }

    /**
     * The framework refuses a header it cannot parse (a Content-Type such as {@code application/json, text/plain}
     * or an empty one) with an IllegalArgumentException while choosing the method; anything else of that type is
     * ours, and a bug.
     */
    @ServerExceptionMapper
    public Response unparsableHeader(IllegalArgumentException e, ContainerRequestContext request) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().startsWith("org.jboss.resteasy.reactive.common.headers.")) {
            return build(request, 415, "unsupported_media_type",
                    "the Content-Type cannot be parsed; send application/json or multipart/form-data", List.of()).build();
        }
        return unexpected(e, request);
    }

    /** Framework answers (404 no route, 405, 406, 415...) keep their status but speak problem+json. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "no acceptable representation";
            case 413 -> "the request body is too large";
            case 415 -> "unsupported Content-Type; send application/json or multipart/form-data";
            default -> "the request could not be understood";
        };
        Response.ResponseBuilder response = build(request, status, code, detail, List.of());
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        LOG.errorf(e, "unexpected failure of %s %s", request.getMethod(), request.getUriInfo().getPath());
        return build(request, 500, "internal_error", "an unexpected error occurred; quote the request_id when reporting it",
                List.of()).build();
    }

    static int statusOf(DomainException e) {
        if (e instanceof InvalidValueException) {
            return 400;
        }
        if (e instanceof UnauthenticatedException) {
            return 401;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ArtifactNotDownloadableException || e instanceof IdempotencyKeyInUseException
                || e instanceof IllegalTransitionException || e instanceof ConcurrentUpdateException
                || e instanceof WebhookEndpointDisabledException || e instanceof WebhookEndpointLimitException) {
            return 409;
        }
        if (e instanceof ArtifactGoneException || e instanceof CursorExpiredException) {
            return 410;
        }
        if (e instanceof IdempotencyKeyReusedException || e instanceof ContentDigestMismatchException
                || e instanceof MediaTypeMismatchException || e instanceof WebhookTargetRefusedException) {
            return 422;
        }
        if (e instanceof UnavailableException) {
            return 503;
        }
        return 400;
    }

    private static Response.ResponseBuilder build(ContainerRequestContext request, int status, String code,
                                                  String detail, List<Problem.FieldError> errors) {
        String requestId = RequestIdFilter.requestIdOf(request);
        Problem problem = Problem.of(status, code, titleOf(code), detail, request.getUriInfo().getPath(), requestId,
                errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem)
                .header(RequestIdFilter.HEADER, requestId);
    }

    private static String titleOf(String code) {
        String words = code.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String causeOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
