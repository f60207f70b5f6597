package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.anonymous;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET of one artifact, its jobs and its download, and the errors they share. */
@QuarkusTest
class ArtifactReadApiTest {

    @Inject
    TestFixtures fixtures;

    private static String path(String artifactId, String suffix) {
        return artifactsPath(bootstrapSpace()) + "/" + artifactId + suffix;
    }

    @Test
    void givenPendingArtifact_get_returnsItsFields() {
        Artifact pending = fixtures.addPending(bootstrapSpace(), "notes.md");

        JsonPath json = api().get(path(pending.id().toString(), "")).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        assertThat(json.getString("id")).isEqualTo(pending.id().toString());
        assertThat(json.getString("space_id")).isEqualTo(bootstrapSpace());
        assertThat(json.getString("name")).isEqualTo("notes.md");
        assertThat(json.getString("document_type")).isEqualTo("document");
        assertThat(json.getString("status")).isEqualTo("pending");
        assertThat(json.getList("thread_ids")).isEmpty();
        assertThat(json.getString("sha256")).isNull();
        assertThat(json.getString("size_bytes")).isNull();
        assertThat(json.getString("created_at")).isEqualTo(pending.createdAt().toString());
    }

    @Test
    void givenFailedArtifact_get_showsItsError() {
        Artifact failed = fixtures.addFailed(bootstrapSpace(), "broken.bin");
        JsonPath json = api().get(path(failed.id().toString(), "")).then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("status")).isEqualTo("failed");
        assertThat(json.getString("error.code")).isEqualTo("content_missing");
    }

    @Test
    void givenInvalidArtifactId_everyArtifactEndpoint_returns400() {
        for (String suffix : List.of("", "/jobs", "/download")) {
            assertProblem(api().get(path("not-a-uuid", suffix)), 400, "invalid_artifact_id");
            assertProblem(api().get(path("1-1-1-1-1", suffix)), 400, "invalid_artifact_id");
        }
    }

    @Test
    void givenInvalidSpaceId_everyArtifactEndpoint_returns400() {
        String artifact = UUID.randomUUID().toString();
        for (String suffix : List.of("", "/" + artifact, "/" + artifact + "/jobs", "/" + artifact + "/download")) {
            assertProblem(api().get("/v1/spaces/not-a-uuid/artifacts" + suffix), 400, "invalid_space_id");
        }
    }

    @Test
    void givenUnknownArtifact_everyArtifactEndpoint_returns404() {
        String unknown = UUID.randomUUID().toString();
        for (String suffix : List.of("", "/jobs", "/download")) {
            assertProblem(api().get(path(unknown, suffix)), 404, "not_found");
        }
    }

    @Test
    void givenArtifactOfAnotherSpace_get_returns404() {
        var other = fixtures.newSpace(Scope.ARTIFACTS_READ);
        Artifact elsewhere = fixtures.addPending(other.spaceId(), "elsewhere.txt");
        // The bootstrap key addresses its own space with the other space's artifact ID.
        assertProblem(api().get(path(elsewhere.id().toString(), "")), 404, "not_found");
    }

    @Test
    void givenPendingArtifact_download_returns409() {
        Artifact pending = fixtures.addPending(bootstrapSpace(), "not-yet.txt");
        JsonPath problem = assertProblem(api().get(path(pending.id().toString(), "/download")), 409,
                "artifact_not_ready");
        assertThat(problem.getString("detail")).contains("pending");
    }

    @Test
    void givenFailedArtifact_download_returns409ArtifactFailed() {
        Artifact failed = fixtures.addFailed(bootstrapSpace(), "failed.txt");
        assertProblem(api().get(path(failed.id().toString(), "/download")), 409, "artifact_failed");
    }

    @Test
    void givenArtifactWithoutJobs_jobs_returnsEmptyList() {
        Artifact pending = fixtures.addPending(bootstrapSpace(), "no-job.txt");
        JsonPath json = api().get(path(pending.id().toString(), "/jobs")).then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("data")).isEmpty();
    }

    @Test
    void givenSaneRequestId_success_and_error_echoIt() {
        Artifact pending = fixtures.addPending(bootstrapSpace(), "echo.txt");
        Response ok = api().header("X-Request-Id", "req-0001.abc").get(path(pending.id().toString(), ""));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.header("X-Request-Id")).isEqualTo("req-0001.abc");

        Response error = api().header("X-Request-Id", "req-0002").get(path("nope", ""));
        JsonPath problem = assertProblem(error, 400, "invalid_artifact_id");
        assertThat(error.header("X-Request-Id")).isEqualTo("req-0002");
        assertThat(problem.getString("request_id")).isEqualTo("req-0002");

        Response unauthenticated = anonymous().header("X-Request-Id", "req-0003").get(artifactsPath(bootstrapSpace()));
        assertProblem(unauthenticated, 401, "unauthenticated");
        assertThat(unauthenticated.header("X-Request-Id")).isEqualTo("req-0003");
    }

    @Test
    void givenInsaneRequestId_response_carriesAFreshOne() {
        String insane = "<script>" + "x".repeat(200);
        Response response = api().header("X-Request-Id", insane).get(artifactsPath(bootstrapSpace()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isNotBlank().isNotEqualTo(insane).matches("[A-Za-z0-9._:-]{1,128}");
    }

    @Test
    void givenNoRequestId_everyResponse_carriesOne() {
        assertThat(api().get(artifactsPath(bootstrapSpace())).header("X-Request-Id")).isNotBlank();
        assertThat(anonymous().get(artifactsPath(bootstrapSpace())).header("X-Request-Id")).isNotBlank();
    }

    @Test
    void givenUnknownRoute_returns404Problem() {
        assertProblem(api().get("/v1/spaces/" + bootstrapSpace() + "/nothing-here"), 404, "not_found");
    }

    @Test
    void givenUnacceptableAccept_list_returns406Problem() {
        Response response = api().accept("text/html").get(artifactsPath(bootstrapSpace()));
        assertProblem(response, 406, "not_acceptable");
    }

    @Test
    void givenUnsupportedMethod_returns405Problem() {
        Artifact pending = fixtures.addPending(bootstrapSpace(), "immutable.txt");
        assertProblem(api().contentType("application/json").body("{}").put(path(pending.id().toString(), "")), 405,
                "method_not_allowed");
        assertProblem(api().delete(path(pending.id().toString(), "/jobs")), 405, "method_not_allowed");
        assertProblem(api().contentType("application/json").body("{}").put(artifactsPath(bootstrapSpace())), 405,
                "method_not_allowed");
    }
}
