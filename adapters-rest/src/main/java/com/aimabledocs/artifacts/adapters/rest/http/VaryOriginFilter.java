package com.aimabledocs.artifacts.adapters.rest.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds {@code Vary: Origin} to every answer: the CORS filter echoes the caller's origin when it is allowed, so
 * a shared cache must keep one answer per origin. Quarkus's CORS filter does not say so itself.
 */
@ApplicationScoped
public class VaryOriginFilter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> {
                String vary = rc.response().headers().get("Vary");
                if (vary == null || vary.isBlank()) {
                    rc.response().headers().set("Vary", "Origin");
                } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("origin")) {
                    rc.response().headers().set("Vary", vary + ", Origin");
                }
            });
            rc.next();
        }, 1001);
    }
}
