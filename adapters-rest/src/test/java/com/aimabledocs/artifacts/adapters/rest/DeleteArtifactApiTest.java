package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.application.port.in.PurgeDeletedArtifactsUseCase;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DELETE of an artifact, what clients see afterwards, the purge of its bytes, and the media type policy. */
@QuarkusTest
class DeleteArtifactApiTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    TestFixtures fixtures;

    @Inject
    PurgeDeletedArtifactsUseCase purge;

    @Inject
    ObjectStore objects;

    @Test
    void givenArtifact_delete_hidesItFromListsAndDownloadsAndIsIdempotent() {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        Artifact kept = fixtures.addPending(space.spaceId(), "kept.txt");
        Artifact doomed = fixtures.addPending(space.spaceId(), "doomed.txt");
        String path = artifactsPath(space.spaceId()) + "/" + doomed.id();

        as(space.apiKey()).delete(path).then().statusCode(204);

        List<String> listed = as(space.apiKey()).get(artifactsPath(space.spaceId())).then().statusCode(200)
                .extract().jsonPath().getList("data.id");
        assertThat(listed).containsExactly(kept.id().toString());
        assertThat(as(space.apiKey()).queryParam("status", "deleted").get(artifactsPath(space.spaceId()))
                .then().statusCode(200).extract().jsonPath().getList("data.id", String.class))
                .as("listed only when asked for").containsExactly(doomed.id().toString());
        JsonPath metadata = as(space.apiKey()).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(metadata.getString("status")).isEqualTo("deleted");
        assertProblem(as(space.apiKey()).get(path + "/download"), 410, "artifact_gone");
        as(space.apiKey()).delete(path).then().statusCode(204);
    }

    /** A generated client accepts only what the document lists for DELETE, application/problem+json: 204 all the same. */
    @Test
    void givenProblemJsonAccept_delete_answers204() {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        Artifact artifact = fixtures.addPending(space.spaceId(), "accept.txt");
        as(space.apiKey()).accept("application/problem+json")
                .delete(artifactsPath(space.spaceId()) + "/" + artifact.id()).then().statusCode(204);
    }

    @Test
    void givenReadOnlyKey_delete_isForbidden() {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ);
        Artifact artifact = fixtures.addPending(space.spaceId(), "stays.txt");

        assertProblem(as(space.apiKey()).delete(artifactsPath(space.spaceId()) + "/" + artifact.id()), 403, "forbidden");
        assertThat(fixtures.find(space.spaceId(), artifact.id().toString()).status()).isEqualTo(ArtifactStatus.PENDING);
    }

    @Test
    void givenUnknownOrMalformedArtifact_delete_answers404Or400() {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        assertProblem(as(space.apiKey()).delete(artifactsPath(space.spaceId()) + "/" + UUID.randomUUID()), 404, "not_found");
        assertProblem(as(space.apiKey()).delete(artifactsPath(space.spaceId()) + "/nope"), 400, "invalid_artifact_id");
    }

    /** The test profile sets the grace period to zero, so the purge takes a deletion at once. */
    @Test
    void givenDeletedArtifactPastItsGrace_purge_removesItsStoredBytes() {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        Artifact doomed = fixtures.addPending(space.spaceId(), "purged.bin");
        ObjectKey content = ObjectKey.contentOf(SpaceId.parse(space.spaceId()), ArtifactId.parse(doomed.id().toString()));
        objects.put(content, new ByteArrayInputStream(PDF), PDF.length, MediaType.OCTET_STREAM);
        as(space.apiKey()).delete(artifactsPath(space.spaceId()) + "/" + doomed.id()).then().statusCode(204);

        purge.purge();

        assertThat(objects.stat(content)).isEmpty();
    }

    @Test
    void givenStrictSpace_generateWithContradictingType_isRefusedWith422() {
        var space = fixtures.newSpace(MediaTypePolicy.REJECT_MISMATCH, Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);

        JsonPath problem = assertProblem(as(space.apiKey()).contentType("application/json")
                .body(generateBody("picture.png", "image", PDF, Map.of("media_type", "image/png")))
                .post(artifactsPath(space.spaceId()) + "/generate"), 422, "media_type_mismatch");

        assertThat(problem.getString("detail")).contains("application/pdf").contains("image/png");
        as(space.apiKey()).contentType("application/json")
                .body(generateBody("report.pdf", "document", PDF, Map.of("media_type", "application/pdf")))
                .post(artifactsPath(space.spaceId()) + "/generate").then().statusCode(202);
    }

    @Test
    void givenTrustingSpace_generateWithContradictingType_isAccepted() {
        var space = fixtures.newSpace(MediaTypePolicy.TRUST_DECLARED, Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);

        as(space.apiKey()).contentType("application/json")
                .body(generateBody("picture.png", "image", PDF, Map.of("media_type", "image/png")))
                .post(artifactsPath(space.spaceId()) + "/generate").then().statusCode(202);
    }
}
