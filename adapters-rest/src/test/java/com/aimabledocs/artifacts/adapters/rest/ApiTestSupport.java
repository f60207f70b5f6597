package com.aimabledocs.artifacts.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Shared vocabulary of the REST tests: request specifications that refuse any 5xx, the problem+json
 * assertion every error case goes through, and small builders of generate bodies.
 */
final class ApiTestSupport {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String API_KEY = "X-API-Key";

    /**
     * Applied to every response the tests see, error or not: a 5xx is always a bug, whatever the request, and
     * every answer, health and OpenAPI included, carries an {@code X-Request-Id}.
     */
    static final Filter NO_SERVER_ERROR = (request, response, context) -> {
        Response r = context.next(request, response);
        assertThat(r.statusCode())
                .as("%s %s answered %d: %s", request.getMethod(), request.getURI(), r.statusCode(), r.asString())
                .isLessThan(500);
        assertThat(r.header("X-Request-Id")).as("X-Request-Id of %s %s", request.getMethod(), request.getURI())
                .isNotBlank();
        return r;
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiTestSupport() {
    }

    static String bootstrapSpace() {
        return ConfigProvider.getConfig().getValue("artifacts.bootstrap.space-id", String.class);
    }

    static String bootstrapKey() {
        return ConfigProvider.getConfig().getValue("artifacts.bootstrap.api-key", String.class);
    }

    /** A request without any key; its request and response are checked against docs/openapi.yaml. */
    static RequestSpecification anonymous() {
        return given().filter(NO_SERVER_ERROR).filter(OpenApiValidation.FILTER);
    }

    /** A request with the bootstrap key (read and write on the bootstrap space). */
    static RequestSpecification api() {
        return as(bootstrapKey());
    }

    static RequestSpecification as(String apiKey) {
        return anonymous().header(API_KEY, apiKey);
    }

    static String artifactsPath(String spaceId) {
        return "/v1/spaces/" + spaceId + "/artifacts";
    }

    /**
     * Asserts an error answer: status, {@code application/problem+json}, stable code, the RFC 9457 members,
     * {@code request_id} equal to the {@code X-Request-Id} header, and nothing internal in the body.
     */
    static JsonPath assertProblem(Response response, int status, String code) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status).isLessThan(500);
        assertThat(response.contentType()).as("Content-Type").startsWith(PROBLEM_JSON);
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).as("X-Request-Id").isNotBlank();
        JsonPath problem = new JsonPath(body);
        assertThat(problem.getString("code")).as("code in %s", body).isEqualTo(code);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("request_id")).isEqualTo(requestId);
        assertThat(problem.getString("type")).isNotBlank().endsWith(code);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).isNotBlank();
        assertThat(body).as("no internals leak").doesNotContain("Exception", "\tat ", "jdbc:", "postgres",
                "127.0.0.1", "SELECT", "select ");
        return problem;
    }

    /** The fields named in a validation problem's {@code errors}. */
    static List<String> errorFields(JsonPath problem) {
        return problem.getList("errors.field", String.class);
    }

    static String uniqueThread(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A generate body with the required fields; {@code extra} adds or overrides fields (null values kept). */
    static byte[] generateBody(String name, String type, byte[] content, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("content", Base64.getEncoder().encodeToString(content));
        body.putAll(extra);
        return json(body);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
