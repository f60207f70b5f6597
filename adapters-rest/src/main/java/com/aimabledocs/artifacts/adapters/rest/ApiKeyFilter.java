package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.application.port.in.AuthenticateApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.Principal;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} call by its {@code X-API-Key} before anything else looks at the request,
 * so an unauthenticated caller learns nothing, not even whether its parameters were valid.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";
    private static final String PROPERTY = "artifacts.principal";

    private final AuthenticateApiKeyUseCase authenticate;

    ApiKeyFilter(AuthenticateApiKeyUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @ServerRequestFilter(priority = 100)
    public void authenticate(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/v1/")) {
            request.setProperty(PROPERTY, authenticate.authenticate(request.getHeaderString(HEADER)));
        }
    }

    static Principal principalOf(ContainerRequestContext request) {
        return (Principal) request.getProperty(PROPERTY);
    }
}
