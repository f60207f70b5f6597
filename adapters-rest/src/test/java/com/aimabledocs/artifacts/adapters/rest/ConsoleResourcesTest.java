package com.aimabledocs.artifacts.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The web console's files as the API serves them (docs/console.md): the redirect to {@code /console/}, the
 * page, its compiled modules (the console's own and the generated client's), and the headers that confine it.
 */
@QuarkusTest
class ConsoleResourcesTest {

    /** Spelled out rather than read from the filter, so that a change to the policy is seen here. */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Test
    void givenConsoleWithoutSlash_get_redirectsToTheDirectory() {
        Response response = given().redirects().follow(false).get("/console");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("console/");
    }

    @Test
    void givenConsole_get_servesThePageWithItsPolicy() {
        Response page = given().get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("<script type=\"module\" src=\"js/src/main.js\"></script>");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(POLICY);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void givenCompiledModules_get_servesThemAsJavaScript() {
        for (String module : new String[] {"/console/js/src/main.js", "/console/js/generated/index.js",
                "/console/js/generated/apis/ArtifactsApi.js", "/console/console.css"}) {
            Response response = given().get(module);
            assertThat(response.statusCode()).as(module).isEqualTo(200);
            assertThat(response.contentType()).as(module).startsWith(module.endsWith(".css") ? "text/css" : "text/javascript");
            assertThat(response.header("Content-Security-Policy")).as(module).isNotBlank();
        }
        assertThat(given().get("/console/js/generated/index.js").asString()).contains("from './apis/index.js'");
    }
}
