package com.aimabledocs.artifacts.adapters.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives every exchange an {@code X-Request-Id}: the client's if it is sane, else a new one. It runs as an
 * HTTP route filter, so health and OpenAPI answers carry the header too, and it rewrites the request
 * header so everything downstream (resources, error mapping, logs) sees the same ID.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String incoming = rc.request().getHeader(HEADER);
            String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            rc.request().headers().set(HEADER, id);
            rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, id));
            rc.next();
        }, 1000);
    }

    /** Puts the ID in the logging context of the thread that serves the request. */
    @ServerRequestFilter(priority = 10)
    public void logContext(ContainerRequestContext request) {
        MDC.put("request_id", requestIdOf(request));
    }

    static String requestIdOf(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        return id == null ? UUID.randomUUID().toString() : id;
    }
}
