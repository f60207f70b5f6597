package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapKey;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Fires a corpus of malformed requests at the running API over plain sockets (so that anything can be sent:
 * duplicate headers, invalid UTF-8, control characters, conflicting Content-Length) and asserts of every
 * answer: no 5xx, nothing internal in the body (stack traces, class and package names, SQL, hosts, ports,
 * the bucket), and every 4xx of a {@code /v1} route is {@code application/problem+json} with a {@code code}.
 *
 * <p>The corpus is generated from {@link #ROUTES}: every route gets the malformations that apply to any
 * route (wrong methods, bad path parameters, broken API keys, duplicated headers), plus the queries, bodies
 * and headers listed for it. A new route is one more line there.
 */
@QuarkusTest
class MalformedRequestCorpusTest {

    // ---------------------------------------------------------------------------------------------------
    // The data table. {space} and {artifact} are replaced by real IDs, or by malformed ones.

    private static final String SOME_ENDPOINT = "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f";

    /** Every route of the API. Add one line per new route (admin routes with their own credential too). */
    static final List<Route> ROUTES = List.of(
            Route.of("GET", "/v1/spaces/{space}/artifacts").queries(Corpus.LIST_QUERIES),
            Route.of("GET", "/v1/spaces/{space}/artifacts/{artifact}"),
            Route.of("GET", "/v1/spaces/{space}/artifacts/{artifact}/jobs"),
            Route.of("GET", "/v1/spaces/{space}/artifacts/{artifact}/download").headers(Corpus.DOWNLOAD_HEADERS),
            Route.of("POST", "/v1/spaces/{space}/artifacts/generate").json(Corpus.GENERATE_BODIES)
                    .headers(Corpus.IDEMPOTENCY_HEADERS),
            Route.of("HEAD", "/v1/spaces/{space}/artifacts/{artifact}/download").headers(Corpus.DOWNLOAD_HEADERS),
            Route.of("DELETE", "/v1/spaces/{space}/artifacts/{artifact}"),
            // Every query here is refused: a valid one would open a stream that never ends.
            Route.of("GET", "/v1/spaces/{space}/events").queries(Corpus.EVENT_QUERIES),
            Route.of("POST", "/v1/spaces/{space}/event-tokens"),
            // Administration routes, called with the corpus's API key: refused, but never a 5xx or a leak.
            Route.of("POST", "/v1/spaces").json(Corpus.GENERATE_BODIES),
            Route.of("GET", "/v1/spaces/{space}"),
            Route.of("GET", "/v1/spaces/{space}/api-keys"),
            Route.of("POST", "/v1/spaces/{space}/api-keys").json(Corpus.GENERATE_BODIES),
            Route.of("DELETE", "/v1/spaces/{space}/api-keys/{artifact}"),
            // Webhook endpoints ({artifact} stands for the endpoint or the delivery ID; one per path, so that a
            // 2,000-character bad ID stays within the request-line limit).
            Route.of("GET", "/v1/spaces/{space}/webhook-endpoints"),
            Route.of("POST", "/v1/spaces/{space}/webhook-endpoints").json(Corpus.GENERATE_BODIES),
            Route.of("GET", "/v1/spaces/{space}/webhook-endpoints/{artifact}"),
            Route.of("PATCH", "/v1/spaces/{space}/webhook-endpoints/{artifact}").json(Corpus.GENERATE_BODIES),
            Route.of("DELETE", "/v1/spaces/{space}/webhook-endpoints/{artifact}"),
            Route.of("POST", "/v1/spaces/{space}/webhook-endpoints/{artifact}/rotate-secret"),
            Route.of("POST", "/v1/spaces/{space}/webhook-endpoints/{artifact}/test"),
            Route.of("GET", "/v1/spaces/{space}/webhook-endpoints/{artifact}/deliveries").queries(Corpus.LIST_QUERIES),
            Route.of("GET", "/v1/spaces/{space}/webhook-endpoints/" + SOME_ENDPOINT + "/deliveries/{artifact}"),
            Route.of("POST", "/v1/spaces/{space}/webhook-endpoints/" + SOME_ENDPOINT + "/deliveries/{artifact}/retry"));

    /** What one route takes, beyond its method and path. */
    record Route(String method, String template, List<String> queries, List<Header[]> headers, List<byte[]> jsonBodies) {

        static Route of(String method, String template) {
            return new Route(method, template, List.of(), List.of(), List.of());
        }

        Route queries(List<String> more) {
            return new Route(method, template, more, headers, jsonBodies);
        }

        Route headers(List<Header[]> more) {
            return new Route(method, template, queries, more, jsonBodies);
        }

        /** A route with a JSON body: gets {@code bodies}, the generic JSON breakages and wrong content types. */
        Route json(List<byte[]> bodies) {
            return new Route(method, template, queries, headers, bodies);
        }

        boolean takesJson() {
            return !jsonBodies.isEmpty();
        }
    }

    /** A header as bytes, so that values may hold anything. */
    record Header(String name, byte[] value) {

        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }

        static Header raw(String name, byte... value) {
            return new Header(name, value);
        }
    }

    /**
     * One malformed request. {@code protocolLevel} ones break HTTP's own syntax (framing, control characters in
     * a header, a broken percent-escape, an oversized request line): the HTTP server (Vert.x) may refuse them
     * with a bare 400/413/414/431 and close the connection before the API sees them, so they are held to "no
     * 5xx, no leak" only.
     */
    record Malformed(String description, String method, String target, List<Header> headers, byte[] body,
                     boolean protocolLevel) {
    }

    static final class Corpus {

        static final String LONG = "x".repeat(5000);

        /** Substitutes for a path ID; each is a valid request line once inserted. */
        static final List<String> BAD_IDS = List.of("not-a-uuid", "..", "%2e%2e", "%2e%2e%2f%2e%2e", "..%2f..%2fetc",
                "%252e%252e", "%00", "%0d%0aX-Injected:%201", "%ff%fe%fd", "%c0%ae%c0%ae", LONG.substring(0, 2000),
                "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9", "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9fff", "%27%3Bdrop%20table",
                "{space}", "%7B%7D", "-1", "99999999999999999999999999");

        static final List<String> LIST_QUERIES = List.of("limit=-1", "limit=0", "limit=101", "limit=2147483648",
                "limit=99999999999999999999999", "limit=1e3", "limit=abc", "limit=", "limit=%00", "limit=1&limit=2",
                "cursor=", "cursor=not-base64!!", "cursor=%%%", "cursor=" + b64url("{\"c\":\"x\"}"),
                "cursor=" + b64url("\u0000\u0001garbage"), "cursor=" + LONG.substring(0, 2000), "cursor=" + b64url("[1,2,3]"),
                "cursor=eyJ", "status=bogus", "status=", "document_type=bogus", "document_type=%00",
                "thread_id=" + LONG.substring(0, 300), "thread_id=%0a%0d", "thread_id=%ff%fe",
                "thread_id=..%2f..%2f", "status=ready&status=failed", "%zz=1", "limit=%c0%ae");

        static final List<String> EVENT_QUERIES = List.of("after=", "after=not-a-cursor", "after=1-",
                "after=99999999999999999999-1", "after=-1-2", "after=%00", "after=" + LONG.substring(0, 2000),
                "types=", "types=bogus", "types=artifact.ready,,", "types=%ff%fe", "artifact_id=not-a-uuid",
                "artifact_id=%00", "thread_id=" + LONG.substring(0, 300), "thread_id=%0a%0d", "after=1-2&types=nope");

        static final List<byte[]> GENERATE_BODIES = List.of(
                json("{\"name\": 42, \"type\": \"text\", \"content\": \"aGk=\"}"),
                json("{\"name\": \"a.txt\", \"type\": [\"text\"], \"content\": \"aGk=\"}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": 12345678901234567890123456789}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"not base64 !!!\"}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk\"}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"====\"}"),
                json("{\"name\": \"../../etc/passwd\", \"type\": \"text\", \"content\": \"aGk=\", \"thread_ids\": [\"..\"]}"),
                json("{\"name\": \"%2e%2e%2f\\u0000\\u0007\\u001b[31m\", \"type\": \"text\", \"content\": \"aGk=\"}"),
                json("{\"name\": \"" + LONG + "\", \"type\": \"text\", \"content\": \"aGk=\"}"),
                json("{\"name\": \"a.txt\", \"type\": \"bogus\", \"content\": \"aGk=\"}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"thread_ids\": 7}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"thread_ids\": [1e309]}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"thread_ids\": " + manyThreads() + "}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"metadata\": [1]}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"metadata\": {\"k\": {\"deep\": 1}}}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"media_type\": \"\\u0000/\\u0000\"}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"media_type\": 5}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"content_sha256\": \"abc\"}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"content_sha256\": -1}"),
                json("{\"name\": \"a.txt\", \"type\": \"text\", \"content\": \"aGk=\", \"thread_id\": \"t\", \"thread_ids\": [\"u\"]}"),
                json("{\"name\": \"a.txt\", \"name\": \"b.txt\", \"type\": \"text\", \"content\": \"aGk=\"}"),
                json("{\"name\": null, \"type\": null, \"content\": null}"),
                json("{\"unknown\": true}"),
                json("{}"), json("[]"), json("null"), json("\"a string\""), json("123456789012345678901234567890"),
                json("-1"), json("true"));

        /** Breakages of any JSON body. */
        static final List<byte[]> BROKEN_JSON = List.of(json(""), json("{"), json("{\"name\": }"), json("{'name': 'a'}"),
                json("{\"name\": \"a\",}"), json("{\"name\": \"a\"} trailing"), json("[".repeat(5000) + "]".repeat(5000)),
                json("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)), json("{\"name\": \"\\ud800\"}"),
                json("{\"name\": \"\\u12\"}"), json("\u0000\u0000\u0000"), json("NaN"),
                bytes(0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d),   // invalid UTF-8
                bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d), bytes(0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d),   // BOMs
                bytes(0xc0, 0xae, 0xc0, 0xae, 0x2f));

        static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=bogus",
                "application/jsonp", "*/*", "", "application/json, text/plain", "\u00e9/\u00e9");

        static final List<Header[]> IDEMPOTENCY_HEADERS = List.of(
                new Header[] {Header.of("Idempotency-Key", "")},
                new Header[] {Header.of("Idempotency-Key", "x".repeat(256))},
                new Header[] {Header.of("Idempotency-Key", "a"), Header.of("Idempotency-Key", "b")},
                new Header[] {Header.raw("Idempotency-Key", (byte) 'k', (byte) 0x01, (byte) 'y')},
                new Header[] {Header.raw("Idempotency-Key", (byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28)},
                new Header[] {Header.of("Idempotency-Key", "caf\u00e9")},
                new Header[] {Header.of("Idempotency-Key", " ")});

        static final List<Header[]> DOWNLOAD_HEADERS = List.of(
                new Header[] {Header.of("Range", "bytes=abc")}, new Header[] {Header.of("Range", "bytes=5-1")},
                new Header[] {Header.of("Range", "bytes=-")}, new Header[] {Header.of("Range", "items=0-1")},
                new Header[] {Header.of("Range", "bytes=99999999999999999999-")},
                new Header[] {Header.of("Range", "bytes=0-1,2-3,4-5,6-7,8-9,10-11,12-13,14-15,16-17,18-19,20-21")},
                new Header[] {Header.of("Range", "bytes=-0")}, new Header[] {Header.of("Range", "bytes=1-2"), Header.of("Range", "bytes=3-4")},
                new Header[] {Header.raw("Range", (byte) 'b', (byte) 0xff, (byte) '=', (byte) '1')},
                new Header[] {Header.of("If-None-Match", "\"unterminated")}, new Header[] {Header.of("If-None-Match", LONG.substring(0, 3000))},
                new Header[] {Header.of("If-None-Match", "W/\"x\", *, \"\"")}, new Header[] {Header.of("If-Range", "garbage")});

        private static String manyThreads() {
            List<String> threads = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                threads.add("\"t" + i + "\"");
            }
            return "[" + String.join(",", threads) + "]";
        }

        private static byte[] json(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] bytes(int... values) {
            byte[] out = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (byte) values[i];
            }
            return out;
        }

        private static String b64url(String text) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A {@code %} not followed by two hex digits: the HTTP server refuses such a target with a bare 400. */
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "TRACE",
            "FOO");

    @Inject
    TestFixtures fixtures;

    @Test
    void malformedRequests_neverAnswer5xx_neverLeakInternals_andSpeakProblemJson() {
        String artifact = fixtures.addReady(bootstrapSpace(), "corpus.txt", "corpus".getBytes(StandardCharsets.UTF_8))
                .id().toString();
        List<Malformed> corpus = corpus(bootstrapSpace(), artifact, bootstrapKey());
        List<String> leakMarkers = leakMarkers();

        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        int leaks = 0;
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (Malformed request : corpus) {
            Answer answer = send(request);
            statuses.merge(answer.status(), 1, Integer::sum);
            String what = request.description() + " (" + request.method() + " " + abbreviate(request.target()) + ")";
            if (answer.status() >= 500) {
                serverErrors++;
                failures.add(what + ": " + answer.status() + " " + abbreviate(answer.body()));
            }
            String body = answer.body().toLowerCase(Locale.ROOT);
            for (String marker : leakMarkers) {
                if (body.contains(marker.toLowerCase(Locale.ROOT))) {
                    leaks++;
                    failures.add(what + ": body contains \"" + marker + "\": " + abbreviate(answer.body()));
                }
            }
            if (answer.status() == 0 && !request.protocolLevel()) {
                failures.add(what + ": no answer");
            }
            if (answer.status() >= 400 && answer.status() < 500 && request.target().startsWith("/v1")
                    && !request.method().equals("HEAD") && !request.protocolLevel()) {
                String problem = problemCode(answer);
                if (problem == null) {
                    failures.add(what + ": " + answer.status() + " is not problem+json with a code: "
                            + answer.contentType() + " " + abbreviate(answer.body()));
                }
            }
        }
        System.out.printf("malformed corpus: %d requests, %d 5xx, %d leaks; statuses %s%n", corpus.size(),
                serverErrors, leaks, statuses);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        assertThat(failures).as("malformed requests answered badly").isEmpty();
    }

    @Test
    void givenTwoIdempotencyKeys_generate_returns400() {
        String path = "/v1/spaces/" + bootstrapSpace() + "/artifacts/generate";
        Answer answer = send(new Malformed("two Idempotency-Keys", "POST", path, List.of(
                Header.of("X-API-Key", bootstrapKey()), Header.of("Content-Type", "application/json"),
                Header.of("Idempotency-Key", "first"), Header.of("Idempotency-Key", "second")),
                ApiTestSupport.generateBody("two-keys.txt", "text", "hi".getBytes(StandardCharsets.UTF_8), Map.of()),
                false));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(problemCode(answer)).isEqualTo("invalid_idempotency_key");
    }

    /** Every malformation of every route, real IDs wherever the malformation is elsewhere. */
    static List<Malformed> corpus(String space, String artifact, String key) {
        List<Malformed> corpus = new ArrayList<>();
        Header auth = Header.of("X-API-Key", key);
        for (Route route : ROUTES) {
            String path = route.template().replace("{space}", space).replace("{artifact}", artifact);
            byte[] validBody = route.takesJson() ? ApiTestSupport.generateBody("ok.txt", "text",
                    "hi".getBytes(StandardCharsets.UTF_8), Map.of()) : null;
            List<Header> json = route.takesJson() ? List.of(auth, Header.of("Content-Type", "application/json"))
                    : List.of(auth);

            for (String method : METHODS) {
                if (!method.equals(route.method()) && !(method.equals("HEAD") && route.method().equals("GET"))) {
                    corpus.add(new Malformed("wrong method", method, path, List.of(auth), null, false));
                }
            }
            for (String placeholder : List.of("{space}", "{artifact}")) {
                if (!route.template().contains(placeholder)) {
                    continue;
                }
                for (String bad : Corpus.BAD_IDS) {
                    String target = route.template().replace(placeholder, bad).replace("{space}", space)
                            .replace("{artifact}", artifact);
                    corpus.add(new Malformed("bad " + placeholder, route.method(), target, json, validBody, false));
                }
            }
            List<List<Header>> brokenAuth = List.of(List.of(), List.of(Header.of("X-API-Key", "")),
                    List.of(auth, Header.of("X-API-Key", "ak_test_other")), List.of(auth, auth),
                    List.of(Header.of("X-API-Key", "k".repeat(4000))),
                    List.of(Header.raw("X-API-Key", (byte) 'a', (byte) 'k', (byte) 0x01, (byte) 0x7f)),
                    List.of(Header.raw("X-API-Key", (byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28)),
                    List.of(Header.of("X-API-Key", key + "\u00e9")), List.of(Header.of("X-Api-Key ", key)),
                    List.of(Header.of("X-API-Key", "' or 1=1 --")));
            for (List<Header> headers : brokenAuth) {
                List<Header> all = new ArrayList<>(headers);
                if (route.takesJson()) {
                    all.add(Header.of("Content-Type", "application/json"));
                }
                corpus.add(new Malformed("broken X-API-Key", route.method(), path, all, validBody,
                        headers.stream().anyMatch(MalformedRequestCorpusTest::breaksHttpSyntax)));
            }
            for (String query : route.queries()) {
                corpus.add(new Malformed("bad query " + abbreviate(query), route.method(), path + "?" + query, json,
                        validBody, BROKEN_ESCAPE.matcher(query).find()));
            }
            for (Header[] headers : route.headers()) {
                List<Header> all = new ArrayList<>(json);
                all.addAll(Arrays.asList(headers));
                corpus.add(new Malformed("bad header " + headers[0].name(), route.method(), path, all, validBody,
                        Arrays.stream(headers).anyMatch(MalformedRequestCorpusTest::breaksHttpSyntax)));
            }
            if (route.takesJson()) {
                for (byte[] body : route.jsonBodies()) {
                    corpus.add(new Malformed("bad body", route.method(), path, json, body, false));
                }
                for (byte[] body : Corpus.BROKEN_JSON) {
                    corpus.add(new Malformed("broken JSON", route.method(), path, json, body, false));
                }
                for (String type : Corpus.WRONG_CONTENT_TYPES) {
                    corpus.add(new Malformed("content type " + type, route.method(), path,
                            List.of(auth, Header.of("Content-Type", type)), validBody, false));
                }
                corpus.add(new Malformed("no content type", route.method(), path, List.of(auth), validBody, false));
                corpus.add(new Malformed("two content types", route.method(), path, List.of(auth,
                        Header.of("Content-Type", "application/json"), Header.of("Content-Type", "text/plain")),
                        validBody, false));
                corpus.add(new Malformed("no body", route.method(), path, json, new byte[0], false));
                // Framing the HTTP server itself judges: it may refuse them before the API sees them.
                corpus.add(new Malformed("two different Content-Length", route.method(), path,
                        withHeaders(json, Header.of("Content-Length", "2"), Header.of("Content-Length", "3")),
                        "{}".getBytes(StandardCharsets.UTF_8), true));
                corpus.add(new Malformed("Content-Length and chunked", route.method(), path,
                        withHeaders(json, Header.of("Content-Length", "2"), Header.of("Transfer-Encoding", "chunked")),
                        "2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8), true));
                corpus.add(new Malformed("negative Content-Length", route.method(), path,
                        withHeaders(json, Header.of("Content-Length", "-1")), new byte[0], true));
                corpus.add(new Malformed("non-numeric Content-Length", route.method(), path,
                        withHeaders(json, Header.of("Content-Length", "abc")), new byte[0], true));
                corpus.add(new Malformed("broken chunked body", route.method(), path,
                        withHeaders(json, Header.of("Transfer-Encoding", "chunked")),
                        "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8), true));
                corpus.add(new Malformed("huge Content-Length", route.method(), path,
                        withHeaders(json, Header.of("Content-Length", "99999999999999999999")), new byte[0], true));
            }
        }
        String base = "/v1/spaces/" + space + "/artifacts";
        corpus.add(new Malformed("traversal out of /v1", "GET", "/v1/spaces/../../q/health", List.of(auth), null, true));
        corpus.add(new Malformed("encoded traversal", "GET", "/v1/%2e%2e/%2e%2e/q/health", List.of(auth), null, false));
        corpus.add(new Malformed("double slashes", "GET", "//v1//spaces//" + space + "//artifacts", List.of(auth), null, true));
        corpus.add(new Malformed("absolute-form target", "GET", "http://evil.example" + base, List.of(auth), null, true));
        corpus.add(new Malformed("fragment in target", "GET", base + "#frag", List.of(auth), null, true));
        corpus.add(new Malformed("space in target", "GET", base + " x", List.of(auth), null, true));
        corpus.add(new Malformed("request line too long", "GET", base + "?cursor=" + "c".repeat(9000), List.of(auth),
                null, true));
        corpus.add(new Malformed("header section too large", "GET", base, withHeaders(List.of(auth),
                Header.of("X-Filler", "f".repeat(20000))), null, true));
        corpus.add(new Malformed("lowercase method", "get", base, List.of(auth), null, true));
        corpus.add(new Malformed("unknown route", "GET", "/v1/nothing/here", List.of(auth), null, false));
        corpus.add(new Malformed("unknown version", "GET", "/v2/spaces/" + space + "/artifacts", List.of(auth), null, true));
        corpus.add(new Malformed("header without colon", "GET", base, withHeaders(List.of(auth),
                Header.of("NoColonHere", "")), null, true));
        corpus.add(new Malformed("NUL in header value", "GET", base, withHeaders(List.of(auth),
                Header.raw("X-Request-Id", (byte) 'a', (byte) 0, (byte) 'b')), null, true));
        corpus.add(new Malformed("invalid UTF-8 request id", "GET", base, withHeaders(List.of(auth),
                Header.raw("X-Request-Id", (byte) 0xff, (byte) 0xfe)), null, false));
        corpus.add(new Malformed("overlong request id", "GET", base, withHeaders(List.of(auth),
                Header.of("X-Request-Id", "r".repeat(4000))), null, false));
        corpus.add(new Malformed("Expect without body", "POST", base + "/generate", withHeaders(List.of(auth,
                Header.of("Content-Type", "application/json")), Header.of("Expect", "100-continue")), new byte[0], true));
        return corpus;
    }

    /**
     * A header the HTTP server's parser refuses (control characters in the value, whitespace in the name, RFC
     * 9110 §5.5, §5.1): answered with a bare 400 and a closed connection before the request reaches the API.
     */
    private static boolean breaksHttpSyntax(Header header) {
        if (!header.name().equals(header.name().trim())) {
            return true;
        }
        for (byte b : header.value()) {
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static List<Header> withHeaders(List<Header> base, Header... more) {
        List<Header> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** Strings that must never appear in an answer: internals of the service and of its environment. */
    private static List<String> leakMarkers() {
        List<String> markers = new ArrayList<>(List.of("Exception", "at com.", "at java.", "org.hibernate", "io.vertx",
                "jakarta.", "org.jboss", "io.quarkus", "com.fasterxml", "select ", "insert ", "update ", "SQLState",
                "relation \"", "postgres", "jdbc:", "127.0.0.1", "localhost", "s3proxy", "amazonaws"));
        var config = ConfigProvider.getConfig();
        URI db = URI.create(config.getValue("quarkus.datasource.jdbc.url", String.class).substring("jdbc:".length()));
        markers.add(":" + db.getPort());
        String kafka = config.getValue("kafka.bootstrap.servers", String.class);
        markers.add(kafka.substring(kafka.lastIndexOf(':')));
        URI s3 = URI.create(config.getValue("quarkus.s3.endpoint-override", String.class));
        markers.add(":" + s3.getPort());
        String bucket = config.getValue("artifacts.storage.bucket", String.class);
        // "artifacts" is in every path of the API; a bucket of another name must not show.
        if (!bucket.equals("artifacts")) {
            markers.add(bucket);
        }
        markers.add("bucket");
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (host.length() >= 4 && !host.equalsIgnoreCase("localhost")) {
                markers.add(host);
            }
        } catch (IOException e) {
            // no host name to look for
        }
        return markers;
    }

    private static String problemCode(Answer answer) {
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(answer.body()).path("code");
            return code.isTextual() && !code.asText().isBlank() ? code.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // A plain HTTP/1.1 client on a socket: one connection per request, closed by the server after answering.

    record Answer(int status, String contentType, String body) {
    }

    private static Answer send(Malformed request) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        write(raw, request.method() + " " + request.target() + " HTTP/1.1\r\n");
        write(raw, "Host: localhost:" + RestAssured.port + "\r\nConnection: close\r\n");
        boolean framed = false;
        for (Header header : request.headers()) {
            framed |= header.name().equalsIgnoreCase("Content-Length")
                    || header.name().equalsIgnoreCase("Transfer-Encoding");
            write(raw, header.name() + ": ");
            raw.writeBytes(header.value());
            write(raw, "\r\n");
        }
        if (request.body() != null && !framed) {
            write(raw, "Content-Length: " + request.body().length + "\r\n");
        }
        write(raw, "\r\n");
        if (request.body() != null) {
            raw.writeBytes(request.body());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(raw.toByteArray());
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer and close before it read everything (413, framing errors)
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            return new Answer(0, null, "");
        }
    }

    /** Reads the answer to its end; an event stream, which has none, up to its header section. */
    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
                String head = bytes.toString(StandardCharsets.ISO_8859_1);
                int end = head.indexOf("\r\n\r\n");
                if (end >= 0 && head.substring(0, end).toLowerCase(Locale.ROOT).contains("content-type: text/event-stream")) {
                    break;
                }
            }
        } catch (IOException resetAfterAnswer) {
            // keep what arrived
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            return new Answer(0, null, new String(response, StandardCharsets.UTF_8));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(line.indexOf(':') + 1).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
        return new Answer(status, contentType, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…";
    }
}
