package com.aimabledocs.artifacts.adapters.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every exchange an {@code X-Request-Id}: the client's if it is sane, else a new one. Logs carry it. */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "artifacts.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void assign(ContainerRequestContext request) {
        String incoming = request.getHeaderString(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        MDC.put("request_id", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, requestIdOf(request));
        MDC.remove("request_id");
    }

    static String requestIdOf(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
