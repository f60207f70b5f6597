package com.aimabledocs.artifacts.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.worker.GenerationRequestRecordReader.ApiRequest;
import com.aimabledocs.artifacts.worker.GenerationRequestRecordReader.ExternalRequest;
import com.aimabledocs.artifacts.worker.GenerationRequestRecordReader.Read;
import com.aimabledocs.artifacts.worker.GenerationRequestRecordReader.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the reader makes of a record, without Kafka: a request, or the dead-letter reason and what is wrong. */
class GenerationRequestRecordReaderTest {

    private static final SpaceId SPACE = SpaceId.of(UUID.randomUUID());
    private static final ArtifactId ARTIFACT = ArtifactId.of(UUID.randomUUID());
    private static final JobId JOB = JobId.of(UUID.randomUUID());

    private final GenerationRequestRecordReader reader =
            new GenerationRequestRecordReader(new ObjectMapper().findAndRegisterModules());

    private Read read(String value) {
        return reader.read(new ConsumerRecord<>("requests", 0, 7L, ARTIFACT.toString(),
                value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String apiRequest() {
        return "{\"schema_version\":1,\"job_id\":\"%s\",\"artifact_id\":\"%s\",\"space_id\":\"%s\",\"staged_object_key\":\"%s\"}"
                .formatted(JOB, ARTIFACT, SPACE, ObjectKey.contentOf(SPACE, ARTIFACT).value());
    }

    private static String externalRequest() {
        return "{\"schema_version\":1,\"request_id\":\"r-1\",\"space_id\":\"%s\",\"name\":\"a.txt\",\"type\":\"document\",\"content_base64\":\"SGk=\"}"
                .formatted(SPACE);
    }

    /** The JSON object without its (string, not first) field. */
    private static String without(String json, String field) {
        String dropped = json.replaceFirst(",\"" + field + "\":\"[^\"]*\"", "");
        assertThat(dropped).isNotEqualTo(json);
        return dropped;
    }

    @Test
    void givenApiRequest_read_returnsItsRequest() {
        Read read = read(apiRequest());

        assertThat(read).isInstanceOfSatisfying(ApiRequest.class, api -> {
            assertThat(api.request().jobId()).isEqualTo(JOB);
            assertThat(api.request().artifactId()).isEqualTo(ARTIFACT);
        });
    }

    @Test
    void givenExternalRequest_read_returnsItToBeAccepted() {
        Read read = read(externalRequest());

        assertThat(read).isInstanceOfSatisfying(ExternalRequest.class,
                external -> assertThat(external.request().requestId()).isEqualTo("r-1"));
    }

    @Test
    void givenApiRequestWithoutAField_read_refusesItNamingTheField() {
        for (String field : new String[] {"artifact_id", "space_id", "staged_object_key"}) {
            String value = without(apiRequest(), field);

            assertThat(read(value)).as(field).isEqualTo(new Refusal("invalid_message", "a required field is missing: " + field));
        }
    }

    @Test
    void givenExternalRequestWithoutAField_read_refusesItNamingTheField() {
        for (String field : new String[] {"space_id", "name", "type"}) {
            String value = without(externalRequest(), field);

            assertThat(read(value)).as(field).isEqualTo(new Refusal("invalid_message", "a required field is missing: " + field));
        }
        assertThat(read(externalRequest().replace("\"content_base64\":\"SGk=\"", "\"content_ref\":{}")))
                .isEqualTo(new Refusal("invalid_message", "a required field is missing: content_ref.object_key"));
    }

    @Test
    void givenUnsupportedSchemaVersion_read_refusesItAsInvalid() {
        assertThat(read(apiRequest().replace("\"schema_version\":1", "\"schema_version\":2")))
                .isEqualTo(new Refusal("invalid_message", "unsupported schema_version 2"));
    }

    @Test
    void givenNeitherJobIdNorRequestId_read_refusesItAsInvalid() {
        assertThat(read("{\"schema_version\":1}"))
                .isEqualTo(new Refusal("invalid_message", "a generation request has a job_id or a request_id"));
    }

    @Test
    void givenBrokenJson_read_refusesItAsUnreadable() {
        assertThat(read("{\"schema_version\":")).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.reason()).isEqualTo("unreadable_message");
            assertThat(refusal.message()).startsWith("not JSON");
        });
    }
}
