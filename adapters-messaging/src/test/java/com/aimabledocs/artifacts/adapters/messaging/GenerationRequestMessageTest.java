package com.aimabledocs.artifacts.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The wire contract of the generation-requests topic, schema version 1. */
class GenerationRequestMessageTest {

    /** Configured like the applications' mapper: Quarkus defaults plus their application.properties. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private static final Sha256 SHA = new Sha256("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");

    @Test
    void givenRequestWithDigest_serialize_writesTheSnakeCaseContract() throws Exception {
        GenerationRequest request = request(Optional.of(SHA));

        String value = JSON.writeValueAsString(GenerationRequestMessage.from(request));
        JsonNode written = JSON.readTree(value);

        assertConformsToTheContract(value);
        assertThat(fieldNames(written)).containsExactlyInAnyOrder("schema_version", "job_id", "artifact_id",
                "space_id", "staged_object_key", "content_sha256", "requested_at");
        assertThat(written.get("schema_version").isInt()).isTrue();
        assertThat(written.get("schema_version").intValue()).isEqualTo(1);
        assertThat(written.get("job_id").textValue()).isEqualTo(request.jobId().toString());
        assertThat(written.get("artifact_id").textValue()).isEqualTo(request.artifactId().toString());
        assertThat(written.get("space_id").textValue()).isEqualTo(request.spaceId().toString());
        assertThat(written.get("staged_object_key").textValue()).isEqualTo(request.stagedContent().value());
        assertThat(written.get("content_sha256").textValue()).isEqualTo(SHA.hex());
        assertThat(written.get("requested_at").textValue()).isEqualTo("2026-03-01T09:00:00.123456Z");
    }

    @Test
    void givenRequestWithoutDigest_serialize_leavesContentSha256Out() throws Exception {
        String value = JSON.writeValueAsString(GenerationRequestMessage.from(request(Optional.empty())));
        JsonNode written = JSON.readTree(value);

        assertConformsToTheContract(value);
        assertThat(written.has("content_sha256")).isFalse();
        assertThat(written.size()).isEqualTo(6);
    }

    @Test
    void givenSerializedMessage_deserializeAndToDomain_roundTrip() throws Exception {
        for (Optional<Sha256> digest : List.of(Optional.of(SHA), Optional.<Sha256>empty())) {
            GenerationRequest request = request(digest);
            GenerationRequestMessage message = GenerationRequestMessage.from(request);

            GenerationRequestMessage read = JSON.readValue(JSON.writeValueAsString(message), GenerationRequestMessage.class);

            assertThat(read).isEqualTo(message);
            assertThat(read.toDomain()).isEqualTo(request);
        }
    }

    @Test
    void givenMessageWrittenByAnotherProducer_deserialize_acceptsUpperCaseDigestAndUnknownFields() throws Exception {
        GenerationRequest request = request(Optional.of(SHA));
        ObjectNode node = (ObjectNode) JSON.readTree(JSON.writeValueAsString(GenerationRequestMessage.from(request)));
        node.put("content_sha256", SHA.hex().toUpperCase());
        node.put("added_in_a_later_minor_version", true);

        GenerationRequest read = JSON.treeToValue(node, GenerationRequestMessage.class).toDomain();

        assertThat(read).isEqualTo(request);
    }

    @Test
    void givenSchemaVersion2_toDomain_refusesIt() throws Exception {
        ObjectNode node = validMessage();
        node.put("schema_version", 2);

        assertInvalid(node, "invalid_schema_version");
    }

    @Test
    void givenMalformedIds_toDomain_refusesEach() throws Exception {
        assertInvalid(validMessage().put("job_id", "not-a-uuid"), "invalid_job_id");
        assertInvalid(validMessage().put("artifact_id", "1-1-1-1-1"), "invalid_artifact_id");
        assertInvalid(validMessage().put("space_id", ""), "invalid_space_id");
        assertInvalid(validMessage().putNull("job_id"), "invalid_job_id");
        assertInvalid(validMessage().put("staged_object_key", "../../etc/passwd"), "invalid_object_key");
        assertInvalid(validMessage().put("content_sha256", "abc"), "invalid_content_sha256");
    }

    /** The worker reads the staged object and may delete it: only the artifact's own keys are taken. */
    @Test
    void givenStagedKeyOfAnotherObject_toDomain_refusesIt() throws Exception {
        assertInvalid(validMessage().put("staged_object_key", "incoming/producer/report.pdf"), "invalid_staged_object_key");
        ObjectNode node = validMessage();
        String other = java.util.UUID.randomUUID().toString();
        node.put("staged_object_key", "spaces/" + node.get("space_id").asText() + "/artifacts/" + other + "/content");
        assertInvalid(node, "invalid_staged_object_key");
    }

    @Test
    void givenNoRequestedAt_toDomain_usesTheEpoch() throws Exception {
        ObjectNode node = validMessage();
        node.remove("requested_at");

        assertThat(JSON.treeToValue(node, GenerationRequestMessage.class).toDomain().requestedAt()).isEqualTo(Instant.EPOCH);
    }

    /** As the outbox relay sends it, with the headers the API always adds. */
    private static void assertConformsToTheContract(String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event_type", GenerationRequestMessage.EVENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("outbox_id", "1".getBytes(StandardCharsets.UTF_8));
        assertThat(AsyncApiContract.get().violations("apiGenerationRequest", value.getBytes(StandardCharsets.UTF_8), headers))
                .isEmpty();
    }

    private static void assertInvalid(ObjectNode node, String code) throws Exception {
        GenerationRequestMessage message = JSON.treeToValue(node, GenerationRequestMessage.class);

        assertThatThrownBy(message::toDomain)
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).code()).isEqualTo(code));
    }

    private static ObjectNode validMessage() throws Exception {
        return (ObjectNode) JSON.readTree(JSON.writeValueAsString(GenerationRequestMessage.from(request(Optional.of(SHA)))));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static GenerationRequest request(Optional<Sha256> digest) {
        SpaceId space = SpaceId.of(UUID.randomUUID());
        ArtifactId artifact = ArtifactId.of(UUID.randomUUID());
        JobId job = JobId.of(UUID.randomUUID());
        return new GenerationRequest(job, artifact, space, ObjectKey.contentOf(space, artifact), digest,
                Instant.parse("2026-03-01T09:00:00.123456Z"));
    }
}
