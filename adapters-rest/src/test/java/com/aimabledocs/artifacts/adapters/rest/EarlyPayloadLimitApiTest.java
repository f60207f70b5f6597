package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapKey;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A generate request that declares a body above the limit is refused with 413 before the body is read: these
 * requests announce a terabyte, send a few bytes and wait, over a raw socket. Were the server reading the
 * body (or parsing the multipart form) first, no answer would come until the read timeout.
 */
@QuarkusTest
class EarlyPayloadLimitApiTest {

    private static final long ONE_TERABYTE = 1_000_000_000_000L;

    @TestHTTPResource("/")
    URL server;

    private record RawResponse(int status, String headers, String body, long millis) {
    }

    private RawResponse postDeclaring(String contentType, long contentLength, String firstBytes) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            String head = "POST " + artifactsPath(bootstrapSpace()) + "/generate HTTP/1.1\r\n"
                    + "Host: " + server.getHost() + "\r\n"
                    + "X-API-Key: " + bootstrapKey() + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(firstBytes.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream(), start);
        }
    }

    private static RawResponse read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the headers ended: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int status = Integer.parseInt(headers.substring(9, 12));
        int length = headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElseThrow();
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new RawResponse(status, headers, body, (System.nanoTime() - start) / 1_000_000);
    }

    private static void assertEarly413(RawResponse response, long limit) {
        assertThat(response.status()).as(response.headers() + response.body()).isEqualTo(413);
        assertThat(response.millis()).as("answered without waiting for the body").isLessThan(5_000);
        assertThat(response.headers().toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json")
                .contains("x-request-id: ");
        JsonPath problem = new JsonPath(response.body());
        assertThat(problem.getString("code")).isEqualTo("payload_too_large");
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("type")).endsWith("payload_too_large");
        assertThat(problem.getString("request_id")).isNotBlank();
        assertThat(problem.getString("detail")).contains(Long.toString(limit));
    }

    @Test
    void givenMultipartDeclaringATerabyte_generate_returns413AtOnce() throws IOException {
        RawResponse response = postDeclaring("multipart/form-data; boundary=XyZ", ONE_TERABYTE,
                "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n\r\nabc");
        assertEarly413(response, 4 * 1024 * 1024);
    }

    @Test
    void givenJsonDeclaringATerabyte_generate_returns413AtOnce() throws IOException {
        RawResponse response = postDeclaring("application/json", ONE_TERABYTE, "{\"name\": \"huge.bin\", \"content\": \"");
        assertEarly413(response, 2 * 1024 * 1024);
    }

    @Test
    void givenJsonDeclaringJustAboveItsLimit_generate_returns413AtOnce() throws IOException {
        // 3 MiB is within the multipart limit but above the JSON one: the limit follows the Content-Type.
        RawResponse response = postDeclaring("application/json", 3L * 1024 * 1024, "{");
        assertEarly413(response, 2 * 1024 * 1024);
    }
}
