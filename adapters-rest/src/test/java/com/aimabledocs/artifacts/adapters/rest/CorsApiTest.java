package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.anonymous;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * CORS for browser frontends: preflights answered before authentication for allowed origins only, and every
 * actual answer to an allowed origin (errors included) readable by the page, with the headers it needs exposed.
 */
@QuarkusTest
class CorsApiTest {

    static final String ALLOWED = "https://app.example.test";
    static final String DISALLOWED = "https://evil.example.test";
    static final String[] EXPOSED = {"ETag", "Location", "X-Request-Id", "Idempotent-Replayed", "RateLimit",
            "RateLimit-Policy", "Retry-After", "Content-Disposition", "Content-Range"};

    private Response preflight(String origin, String method, String headers) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .options(artifactsPath(bootstrapSpace()) + "/generate");
    }

    @Test
    void givenAllowedOrigin_preflight_allowsTheApiMethodsAndHeadersWithoutAKey() {
        Response response = preflight(ALLOWED, "POST", "x-api-key,idempotency-key,content-type");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.header("Access-Control-Allow-Methods"))
                .contains("GET", "HEAD", "POST", "DELETE", "PATCH", "OPTIONS");
        assertThat(response.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("x-api-key", "idempotency-key", "content-type", "range", "if-none-match", "last-event-id");
        assertThat(response.header("Access-Control-Max-Age")).isNotBlank();
        assertThat(response.header("WWW-Authenticate")).as("no API-key challenge on a preflight").isNull();

        Response regexOrigin = preflight("http://127.0.0.1:43123", "DELETE", "x-api-key");
        assertThat(regexOrigin.statusCode()).isEqualTo(200);
        assertThat(regexOrigin.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:43123");
    }

    @Test
    void givenDisallowedOrigin_preflight_isRefusedWithoutCorsHeaders() {
        Response response = preflight(DISALLOWED, "POST", "x-api-key,content-type");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();

        Response lookalike = preflight("http://127.0.0.1.evil.example:80", "GET", "x-api-key");
        assertThat(lookalike.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void givenAllowedOrigin_actualAnswers_areReadableAndExposeTheApiHeaders() {
        Response ok = api().header("Origin", ALLOWED).get(artifactsPath(bootstrapSpace()));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(ok.header("Access-Control-Expose-Headers")).contains(EXPOSED);
        assertThat(ok.header("Vary")).as("caches keep answers per origin").containsIgnoringCase("Origin");

        Response unauthenticated = anonymous().header("Origin", ALLOWED).get(artifactsPath(bootstrapSpace()));
        assertProblem(unauthenticated, 401, "unauthenticated");
        assertThat(unauthenticated.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(unauthenticated.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void givenDisallowedOrigin_actualRequest_getsNoCorsHeaders() {
        Response response = ApiTestSupport.api()
                .header("Origin", DISALLOWED).get(artifactsPath(bootstrapSpace()));
        assertThat(response.statusCode()).isLessThan(500);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
