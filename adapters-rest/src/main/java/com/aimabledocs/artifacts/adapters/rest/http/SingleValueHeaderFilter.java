package com.aimabledocs.artifacts.adapters.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Idempotency-Key} is one value (a structured-field item in the IETF draft): a request carrying the
 * header twice is refused with 400 {@code invalid_idempotency_key} instead of having its values joined into
 * a key nobody sent. Runs after authentication, like the other checks of a request's parameters.
 */
public class SingleValueHeaderFilter {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @ServerRequestFilter(priority = 150)
    public void singleIdempotencyKey(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(IDEMPOTENCY_KEY);
        if (values != null && values.size() > 1) {
            throw new ApiProblemException(400, "invalid_idempotency_key", "send at most one Idempotency-Key header");
        }
    }
}
