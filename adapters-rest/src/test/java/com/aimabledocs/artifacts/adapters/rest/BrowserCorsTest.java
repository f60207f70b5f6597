package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapKey;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * CORS as a browser sees it: Debian's headless Chromium loads a page from another origin (a small server on
 * 127.0.0.1) whose script calls the API on http://localhost, and the test reads what the script could read.
 * A page on an origin that is not allowed must not get an answer at all.
 *
 * <p>The browser: {@link HeadlessChromium} (Debian's chromium and chromedriver).
 */
@QuarkusTest
class BrowserCorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestFixtures fixtures;

    private HttpServer pages;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowserAndPageServer() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        pages.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (pages != null) {
            pages.stop(0);
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void givenPageOnAllowedOrigin_fetch_readsBodiesAndExposedHeaders() throws IOException {
        String artifact = fixtures.addReady(bootstrapSpace(), "browser.txt",
                "downloaded by a browser".getBytes(StandardCharsets.UTF_8)).id().toString();
        String script = """
                const base = API + '/v1/spaces/' + SPACE + '/artifacts';
                const result = {};
                try {
                  const generated = await fetch(base + '/generate', {method: 'POST', headers: {
                      'X-API-Key': KEY, 'Content-Type': 'application/json', 'Idempotency-Key': IDEMPOTENCY_KEY},
                      body: JSON.stringify({name: 'from-browser.txt', type: 'text', content: btoa('hello from a browser')})});
                  result.generate = {status: generated.status, location: generated.headers.get('Location'),
                      requestId: generated.headers.get('X-Request-Id'), rateLimit: generated.headers.get('RateLimit'),
                      rateLimitPolicy: generated.headers.get('RateLimit-Policy'), body: await generated.json()};
                  const download = await fetch(base + '/' + ARTIFACT + '/download', {headers: {'X-API-Key': KEY}});
                  result.download = {status: download.status, etag: download.headers.get('ETag'),
                      disposition: download.headers.get('Content-Disposition'), body: await download.text()};
                  const denied = await fetch(base, {headers: {'X-API-Key': 'ak_wrong_key'}});
                  result.denied = {status: denied.status, requestId: denied.headers.get('X-Request-Id'),
                      body: await denied.json()};
                } catch (e) {
                  result.error = String(e);
                }
                return result;""";
        JsonNode result = runPage("/allowed.html", script, artifact);

        assertThat(result.path("error").isMissingNode()).as("fetch failed: %s", result).isTrue();
        JsonNode generated = result.path("generate");
        assertThat(generated.path("status").asInt()).isEqualTo(202);
        assertThat(generated.path("location").asText()).contains("/v1/spaces/" + bootstrapSpace() + "/artifacts/");
        assertThat(generated.path("requestId").asText()).isNotBlank();
        assertThat(generated.path("rateLimit").asText()).matches("\"default\";r=\\d+;t=\\d+");
        assertThat(generated.path("rateLimitPolicy").asText()).startsWith("\"default\";q=");
        assertThat(generated.path("body").path("artifact").path("status").asText()).isEqualTo("pending");

        JsonNode download = result.path("download");
        assertThat(download.path("status").asInt()).isEqualTo(200);
        assertThat(download.path("etag").asText()).matches("\"[0-9a-f]{64}\"");
        assertThat(download.path("disposition").asText()).contains("browser.txt");
        assertThat(download.path("body").asText()).isEqualTo("downloaded by a browser");

        JsonNode denied = result.path("denied");
        assertThat(denied.path("status").asInt()).isEqualTo(401);
        assertThat(denied.path("requestId").asText()).isNotBlank();
        assertThat(denied.path("body").path("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void givenPageOnDisallowedOrigin_fetch_fails() throws IOException {
        // 127.0.0.2 is a loopback address too, but not an allowed origin.
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        other.start();
        try {
            String script = """
                    try {
                      const r = await fetch(API + '/v1/spaces/' + SPACE + '/artifacts', {headers: {'X-API-Key': KEY}});
                      return {status: r.status, body: await r.text()};
                    } catch (e) {
                      return {error: String(e)};
                    }""";
            JsonNode result = runPage(other, "/disallowed.html", script, "");
            assertThat(result.path("error").asText()).as("the page must not read %s", result).contains("Failed to fetch");
            assertThat(result.path("body").isMissingNode()).isTrue();
        } finally {
            other.stop(0);
        }
    }

    private JsonNode runPage(String page, String script, String artifact) throws IOException {
        return runPage(pages, page, script, artifact);
    }

    /** Serves a page whose script runs {@code script} and stores what it returns; waits for it and reads it. */
    private JsonNode runPage(HttpServer server, String page, String script, String artifact) throws IOException {
        String html = """
                <!doctype html><html><head><meta charset="utf-8"><title>CORS check</title></head><body>
                <script>
                const API = %s, SPACE = %s, KEY = %s, ARTIFACT = %s, IDEMPOTENCY_KEY = %s;
                window.__result = null;
                (async () => { %s })().then(r => { window.__result = JSON.stringify(r); },
                                         e => { window.__result = JSON.stringify({error: String(e)}); });
                </script></body></html>
                """.formatted(js("http://localhost:" + RestAssured.port), js(bootstrapSpace()), js(bootstrapKey()),
                js(artifact), js("browser-" + UUID.randomUUID()), script);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        server.createContext(page, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        InetSocketAddress address = server.getAddress();
        browser.get("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + page);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Object value = ((JavascriptExecutor) browser).executeScript("return window.__result;");
            if (value instanceof String text) {
                return JSON.readTree(text);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the page's script did not finish within 30 s");
    }

    private static String js(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
