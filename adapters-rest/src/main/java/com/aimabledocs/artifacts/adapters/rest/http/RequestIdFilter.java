package com.aimabledocs.artifacts.adapters.rest.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

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
            String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
            rc.request().headers().set(HEADER, id);
            rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, id));
            rc.next();
        }, 1000);
    }

    /** Logging context keys: fields of every JSON log line written while a request is served. */
    static final String REQUEST_ID = "request_id";
    static final String SPACE_ID = "space_id";
    public static final String ARTIFACT_ID = "artifact_id";
    public static final String JOB_ID = "job_id";
    private static final List<String> KEYS = List.of(REQUEST_ID, SPACE_ID, ARTIFACT_ID, JOB_ID);

    /**
     * Puts the request ID, and the space and artifact IDs of the path, in the logging context of the thread
     * that serves the request (a generate adds the new artifact's and job's IDs once accepted). Whatever a
     * previous request on this thread left is cleared first.
     */
    @ServerRequestFilter(priority = 10)
    public void logContext(ContainerRequestContext request) {
        KEYS.forEach(MDC::remove);
        MDC.put(REQUEST_ID, requestIdOf(request));
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        putIfPresent(SPACE_ID, path.getFirst("space_id"));
        putIfPresent(ARTIFACT_ID, path.getFirst("artifact_id"));
    }

    /** Clears the logging context once the answer is built, so no ID leaks onto the thread's next task. */
    @ServerResponseFilter(priority = 10)
    public void clearLogContext(ContainerResponseContext response) {
        KEYS.forEach(MDC::remove);
    }

    private static void putIfPresent(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
        }
    }

    static String requestIdOf(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        return id == null ? newId() : id;
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: a request ID must be unique, not unguessable,
     * and {@link UUID#randomUUID()} draws from the shared {@code SecureRandom} (a synchronized read of the
     * system's entropy source) on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
        return new UUID(most, least).toString();
    }
}
