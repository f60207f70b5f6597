package com.aimabledocs.artifacts.adapters.rest.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The HTTP side of the web console, whose files Quarkus serves from {@code META-INF/resources/console}
 * (docs/console.md). {@code /console} is redirected to {@code /console/}, so that the page's relative links
 * resolve. Every answer under it says that the page may run only its own scripts and styles and talk only to
 * this origin, that no other site may frame it, and that the browser must revalidate the files (Quarkus would
 * otherwise let them be cached, immutable, for a day, and a new release would meet old scripts).
 */
@ApplicationScoped
public class ConsoleHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    /** Before the static files are served, after the request ID (1000) is set. */
    private static final int PRIORITY = 800;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            rc.next();
            return;
        }
        HttpMethod method = rc.request().method();
        if (path.equals("/console") && (method == HttpMethod.GET || method == HttpMethod.HEAD)) {
            rc.response().setStatusCode(301).putHeader("Location", "console/").end();
            return;
        }
        rc.addHeadersEndHandler(v -> {
            HttpServerResponse response = rc.response();
            response.headers()
                    .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("Cache-Control", "no-cache");
        });
        rc.next();
    }
}
