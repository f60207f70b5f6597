package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.anonymous;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X-API-Key on every /v1 call: 401 without a usable key, 404 for another space, 403 without the scope. */
@QuarkusTest
class AuthenticationApiTest {

    @Inject
    TestFixtures fixtures;

    private String artifactId;

    @BeforeEach
    void anArtifactInTheBootstrapSpace() {
        artifactId = fixtures.addPending(bootstrapSpace(), "auth-test.txt").id().toString();
    }

    /** Every endpoint of the API, as a call on the bootstrap space. */
    private List<Function<RequestSpecification, Response>> everyEndpoint(String spaceId) {
        String base = artifactsPath(spaceId);
        byte[] body = generateBody("a.txt", "text", "hello".getBytes(StandardCharsets.UTF_8), Map.of());
        return List.of(
                r -> r.get(base),
                r -> r.get(base + "/" + artifactId),
                r -> r.get(base + "/" + artifactId + "/download"),
                r -> r.get(base + "/" + artifactId + "/jobs"),
                r -> r.contentType("application/json").body(body).post(base + "/generate"));
    }

    @Test
    void givenNoKey_everyEndpoint_returns401WithWwwAuthenticate() {
        for (var call : everyEndpoint(bootstrapSpace())) {
            Response response = call.apply(anonymous());
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).contains("X-API-Key");
        }
    }

    @Test
    void givenUnknownKey_everyEndpoint_returns401() {
        for (var call : everyEndpoint(bootstrapSpace())) {
            Response response = call.apply(as("ak_test_unknown_" + UUID.randomUUID()));
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).isNotBlank();
        }
    }

    @Test
    void givenMalformedKey_list_returns401() {
        assertProblem(as("short").get(artifactsPath(bootstrapSpace())), 401, "unauthenticated");
        assertProblem(as("").get(artifactsPath(bootstrapSpace())), 401, "unauthenticated");
    }

    @Test
    void givenRevokedKey_list_returns401() {
        String revoked = fixtures.revokedKey(bootstrapSpace());
        assertProblem(as(revoked).get(artifactsPath(bootstrapSpace())), 401, "unauthenticated");
    }

    @Test
    void givenUnauthenticatedCall_invalidParameters_stillReturn401() {
        assertProblem(anonymous().get("/v1/spaces/not-a-uuid/artifacts?limit=0"), 401, "unauthenticated");
    }

    @Test
    void givenKeyOfAnotherSpace_everyEndpoint_returns404() {
        String otherKey = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE).apiKey();
        for (var call : everyEndpoint(bootstrapSpace())) {
            assertProblem(call.apply(as(otherKey)), 404, "not_found");
        }
    }

    @Test
    void givenUnknownSpace_list_returns404LikeAnotherSpace() {
        assertProblem(api().get(artifactsPath(UUID.randomUUID().toString())), 404, "not_found");
    }

    @Test
    void givenReadOnlyKey_generate_returns403() {
        String readOnly = fixtures.newKey(bootstrapSpace(), Scope.ARTIFACTS_READ);
        byte[] body = generateBody("a.txt", "text", "hello".getBytes(StandardCharsets.UTF_8), Map.of());
        Response response = as(readOnly).contentType("application/json").body(body)
                .post(artifactsPath(bootstrapSpace()) + "/generate");
        assertProblem(response, 403, "forbidden");
    }

    @Test
    void givenReadOnlyKey_reads_succeed() {
        String readOnly = fixtures.newKey(bootstrapSpace(), Scope.ARTIFACTS_READ);
        String base = artifactsPath(bootstrapSpace());
        assertThat(as(readOnly).get(base).statusCode()).isEqualTo(200);
        assertThat(as(readOnly).get(base + "/" + artifactId).statusCode()).isEqualTo(200);
        assertThat(as(readOnly).get(base + "/" + artifactId + "/jobs").statusCode()).isEqualTo(200);
    }

    @Test
    void givenWriteOnlyKey_list_returns403() {
        String writeOnly = fixtures.newKey(bootstrapSpace(), Scope.ARTIFACTS_WRITE);
        assertProblem(as(writeOnly).get(artifactsPath(bootstrapSpace())), 403, "forbidden");
    }

    @Test
    void givenNoKey_healthAndOpenApi_answerWithoutKey() {
        assertThat(anonymous().get("/q/health/live").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/q/openapi").statusCode()).isEqualTo(200);
    }
}
