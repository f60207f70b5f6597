package com.aimabledocs.artifacts.adapters.rest.generate;

import com.aimabledocs.artifacts.adapters.rest.ApiConfig;
import com.aimabledocs.artifacts.adapters.rest.http.Problem;
import com.aimabledocs.artifacts.adapters.rest.http.RequestIdFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses a generate request whose declared {@code Content-Length} is above its limit with 413 problem+json
 * before a byte of the body is read. It runs as an HTTP route filter, ahead of the REST layer, which would
 * otherwise read a whole multipart form to disk before any resource method or JAX-RS filter could look at it.
 * The limit depends on the encoding: {@code max-upload-bytes} for multipart forms, {@code max-body-bytes}
 * for everything else (JSON with base64 content).
 */
@ApplicationScoped
public class EarlyBodyLimitFilter {

    private static final Pattern GENERATE = Pattern.compile("/v1/spaces/[^/]+/artifacts/generate/?");
    /** After {@link RequestIdFilter} (1000), so the answer carries the request ID. */
    private static final int PRIORITY = 900;

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final ObjectMapper json;

    EarlyBodyLimitFilter(ApiConfig config, ObjectMapper json) {
        this.maxBodyBytes = config.api().maxBodyBytes();
        this.maxUploadBytes = config.api().maxUploadBytes();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST || !GENERATE.matcher(rc.normalizedPath()).matches()) {
            rc.next();
            return;
        }
        long limit = isMultipart(rc.request().getHeader("Content-Type")) ? maxUploadBytes : maxBodyBytes;
        String declared = rc.request().getHeader("Content-Length");
        if (declared != null && declared.matches("\\d{1,19}") && exceeds(declared, limit)) {
            reject(rc, limit);
            return;
        }
        rc.next();
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared) > limit;
        } catch (NumberFormatException e) {
            return true; // 19 digits beyond Long.MAX_VALUE
        }
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Answers at once with {@code Connection: close}: the unread body must not be taken for the next request on
     * this connection, and the server closes it once the answer is out.
     */
    private void reject(RoutingContext rc, long limit) {
        String requestId = rc.request().getHeader(RequestIdFilter.HEADER);
        Problem problem = Problem.of(413, "payload_too_large", "Payload too large",
                "request bodies are limited to " + limit + " bytes", rc.normalizedPath(), requestId, List.of());
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
