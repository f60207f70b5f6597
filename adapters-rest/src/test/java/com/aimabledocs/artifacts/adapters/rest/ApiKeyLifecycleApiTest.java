package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.admin;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.createSpace;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.issueKey;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.keysPath;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.spacePath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The administration acceptance flow, through the API only: a fresh space, a read-only key for it that
 * lists and downloads but may not generate, then its revocation, after which the key opens nothing.
 */
@QuarkusTest
class ApiKeyLifecycleApiTest {

    @Inject
    AdminFixtures fixtures;

    @Test
    void givenReadOnlyKeyIssuedThroughTheApi_itReadsUntilRevokedThenEveryEndpointAnswers401() throws Exception {
        String space = createSpace("Acceptance " + System.nanoTime());
        var issued = issueKey(space, "read-only reader", "artifacts:read");
        String key = issued.getString("secret");
        String keyId = issued.getString("id");
        byte[] bytes = "ready for the reader".getBytes(StandardCharsets.UTF_8);
        String artifact = fixtures.addReady(space, "report.txt", bytes).id().toString();
        String base = artifactsPath(space);

        // It sees its space, lists, reads, downloads and lists jobs...
        assertThat(as(key).get(spacePath(space)).then().statusCode(200).extract().<String>path("id")).isEqualTo(space);
        assertThat(as(key).get(base).then().statusCode(200).extract().<List<String>>path("data.id"))
                .containsExactly(artifact);
        as(key).get(base + "/" + artifact).then().statusCode(200);
        as(key).get(base + "/" + artifact + "/jobs").then().statusCode(200);
        Response download = as(key).get(base + "/" + artifact + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.asByteArray()).isEqualTo(bytes);
        // ...but may not generate, nor manage keys.
        byte[] body = generateBody("a.txt", "text", "hello".getBytes(StandardCharsets.UTF_8), Map.of());
        assertProblem(as(key).contentType("application/json").body(body).post(base + "/generate"), 403, "forbidden");
        assertProblem(as(key).get(keysPath(space)), 403, "forbidden");

        admin().delete(keysPath(space) + "/" + keyId).then().statusCode(204);
        Thread.sleep(1_000);

        for (var call : everyEndpoint(space, artifact)) {
            Response response = call.apply(as(key));
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).contains("X-API-Key");
        }
        assertThat(admin().get(keysPath(space)).then().statusCode(200).extract().<String>path("data[0].revoked_at"))
                .isNotBlank();
    }

    private static List<Function<RequestSpecification, Response>> everyEndpoint(String space, String artifact) {
        String base = artifactsPath(space);
        byte[] body = generateBody("a.txt", "text", "hello".getBytes(StandardCharsets.UTF_8), Map.of());
        return List.of(
                r -> r.get(base),
                r -> r.get(base + "/" + artifact),
                r -> r.get(base + "/" + artifact + "/download"),
                r -> r.get(base + "/" + artifact + "/jobs"),
                r -> r.contentType("application/json").body(body).post(base + "/generate"),
                r -> r.get(spacePath(space)),
                r -> r.get(keysPath(space)),
                r -> r.contentType("application/json").body("{\"scopes\": [\"artifacts:read\"]}").post(keysPath(space)),
                r -> r.contentType("application/json").body("{\"name\": \"x\"}").post("/v1/spaces"));
    }
}
