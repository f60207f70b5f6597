package com.aimabledocs.artifacts.adapters.messaging;

import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.DEAD_LETTERS;
import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.GENERATION_REQUESTS;
import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.LIFECYCLE_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The validator every Kafka test goes through, and the document it reads: the document's own examples
 * conform, a message that breaks a schema is refused, and the object key rule of the schema is the
 * domain's.
 */
class AsyncApiContractTest {

    private static final AsyncApiContract CONTRACT = AsyncApiContract.get();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE = "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f";

    @Test
    void everyExampleOfTheDocument_conformsToItsMessage() throws Exception {
        int examples = 0;
        for (var messages = CONTRACT.document().path("components").path("messages").fields(); messages.hasNext(); ) {
            var message = messages.next();
            for (JsonNode example : message.getValue().path("examples")) {
                Headers headers = new RecordHeaders();
                example.path("headers").fields().forEachRemaining(
                        h -> headers.add(h.getKey(), h.getValue().asText().getBytes(StandardCharsets.UTF_8)));
                byte[] payload = JSON.writeValueAsBytes(example.get("payload"));

                assertThat(CONTRACT.violations(message.getKey(), payload, headers))
                        .as("example %s of %s", example.path("name").asText(), message.getKey()).isEmpty();
                examples++;
            }
        }
        assertThat(examples).as("examples checked").isGreaterThanOrEqualTo(4);
    }

    @Test
    void givenExternalRequestWithoutItsRequiredName_assertConforms_failsNamingTheField() {
        ObjectNode request = externalRequest("incoming/x");
        request.remove("name");

        assertThatThrownBy(() -> CONTRACT.assertConforms(GENERATION_REQUESTS, record(request)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks the contract of channel generationRequests")
                .hasMessageContaining("name");
        assertThat(CONTRACT.violations("externalGenerationRequest", bytes(request), new RecordHeaders()))
                .anySatisfy(violation -> assertThat(violation).contains("required").contains("name"));
    }

    @Test
    void givenMessagesBreakingTheirSchemas_eachIsRefused() {
        ObjectNode bothContents = externalRequest("incoming/x").put("content_base64", "SGk=");
        ObjectNode unknownType = externalRequest("incoming/x").put("type", "spaceship");
        ObjectNode apiWithoutStagedKey = apiRequest();
        apiWithoutStagedKey.remove("staged_object_key");
        ObjectNode schemaVersion2 = apiRequest().put("schema_version", 2);

        for (ObjectNode broken : List.of(bothContents, unknownType, apiWithoutStagedKey, schemaVersion2)) {
            assertThat(CONTRACT.violations(GENERATION_REQUESTS, bytes(broken), new RecordHeaders()))
                    .as(broken.toString()).isNotEmpty();
        }
        assertThat(CONTRACT.violations(GENERATION_REQUESTS, "not JSON {".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders())).isNotEmpty();
    }

    @Test
    void givenJsonObjectWithADuplicatedKey_itIsRefusedAsTheWorkerRefusesIt() {
        String duplicated = externalRequest("incoming/x").toString().replaceFirst("\\{", "{\"name\":\"a\",");

        assertThat(CONTRACT.violations(GENERATION_REQUESTS, duplicated.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders()).values()).allSatisfy(v -> assertThat(v.toString()).contains("Duplicate"));
    }

    @Test
    void givenNullOptionalFields_externalRequest_conformsAsTheWorkerAcceptsThem() {
        ObjectNode request = externalRequest("incoming/x");
        for (String field : List.of("thread_ids", "media_type", "metadata", "content_base64", "content_sha256", "requested_at")) {
            request.putNull(field);
        }

        assertThat(CONTRACT.violations(GENERATION_REQUESTS, bytes(request), new RecordHeaders())).isEmpty();
    }

    @Test
    void givenDeadLetterWithoutItsReason_itIsRefusedAndWithItItConformsWhateverTheValue() {
        RecordHeaders complete = new RecordHeaders();
        for (String[] header : new String[][] {{"dlq_reason", "unreadable_message"}, {"dlq_message", "not JSON"},
                {"source_topic", "t"}, {"source_partition", "0"}, {"source_offset", "7"}}) {
            complete.add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        RecordHeaders withoutReason = new RecordHeaders(complete.toArray());
        withoutReason.remove("dlq_reason");
        byte[] original = "not JSON {".getBytes(StandardCharsets.UTF_8);

        assertThat(CONTRACT.violations(DEAD_LETTERS, original, complete)).isEmpty();
        assertThat(CONTRACT.violations(DEAD_LETTERS, original, withoutReason).toString()).contains("dlq_reason");
    }

    @Test
    void givenEventOfAReadyArtifactWithoutItsDigest_itIsRefused() {
        ObjectNode event = JSON.createObjectNode().put("schema_version", 1)
                .put("event_id", "6f1d2c3b-8a9e-4f70-9d21-3c4b5a6d7e8f").put("event_type", "artifact.ready")
                .put("occurred_at", "2026-11-27T10:07:25.031951Z").put("space_id", SPACE)
                .put("artifact_id", "01a21c79-4cb8-7014-8c18-92cd4eb3d956").put("status", "ready")
                .put("size_bytes", 17).put("media_type", "text/plain");
        RecordHeaders headers = new RecordHeaders();
        headers.add("event_type", "artifact.ready".getBytes(StandardCharsets.UTF_8));
        headers.add("outbox_id", "12".getBytes(StandardCharsets.UTF_8));

        assertThat(CONTRACT.violations(LIFECYCLE_EVENTS, bytes(event), headers).toString()).contains("sha256");
    }

    // ---- the object key rule: the schema's is the domain's ----

    @Test
    void objectKeyPatternOfTheSchema_isTheDomainsRule() {
        JsonNode objectKey = CONTRACT.document().at(
                "/components/schemas/externalGenerationRequest/properties/content_ref/properties/object_key");

        assertThat(objectKey.path("pattern").asText()).isEqualTo(ObjectKey.INCOMING_PATTERN);
        assertThat(objectKey.path("maxLength").asInt()).isEqualTo(ObjectKey.MAX_INCOMING_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/Scanner/2026-12/scan.v2.PDF", "incoming/x", "incoming/.hidden", "incoming/...",
            "incoming/Zürich/Übersicht 😀.txt", "incoming/a\\b", "incoming/../spaces/x", "incoming/..", "incoming/./x",
            "incoming/x/.", "incoming/", "incoming//x", "incoming/x/", "incoming", "Incoming/x", "spaces/x/artifacts/y/content",
            "incoming/a\tb", "incoming/a\u0000b", "incoming/a\u007fb", "incoming/a\u0085b", "incoming/a\u00a0b"})
    void givenObjectKey_theSchemaAndTheDomain_agree(String key) {
        boolean domainAccepts = accepts(key);

        assertThat(CONTRACT.violations(GENERATION_REQUESTS, bytes(externalRequest(key)), new RecordHeaders()).isEmpty())
                .as("the schema accepts %s as the domain does (%s)", key, domainAccepts).isEqualTo(domainAccepts);
    }

    @Test
    void givenObjectKeyLongerThan1024Bytes_theSchemaCountsCharactersAndTheDomainBytes() {
        String atTheLimit = "incoming/" + "k".repeat(1024 - "incoming/".length());
        String twoBytesEach = "incoming/" + "é".repeat(1024 - "incoming/".length());
        String tooManyCharacters = atTheLimit + "k";

        assertThat(accepts(atTheLimit)).isTrue();
        assertThat(schemaAccepts(atTheLimit)).isTrue();
        assertThat(accepts(tooManyCharacters)).isFalse();
        assertThat(schemaAccepts(tooManyCharacters)).isFalse();
        // 1024 characters, 2039 bytes: only the worker's check in bytes refuses it (the schema's description says so)
        assertThat(accepts(twoBytesEach)).isFalse();
        assertThat(schemaAccepts(twoBytesEach)).isTrue();
    }

    private static boolean accepts(String key) {
        try {
            ObjectKey.incoming(key);
            return true;
        } catch (InvalidValueException refused) {
            return false;
        }
    }

    private static boolean schemaAccepts(String key) {
        return CONTRACT.violations(GENERATION_REQUESTS, bytes(externalRequest(key)), new RecordHeaders()).isEmpty();
    }

    private static ObjectNode externalRequest(String objectKey) {
        ObjectNode request = JSON.createObjectNode().put("schema_version", 1).put("request_id", "scan-7781")
                .put("space_id", SPACE).put("name", "scan.pdf").put("type", "document");
        request.putObject("content_ref").put("object_key", objectKey);
        return request;
    }

    private static ObjectNode apiRequest() {
        return JSON.createObjectNode().put("schema_version", 1).put("job_id", "01a21c79-4cbb-7c01-ae37-548d548d995f")
                .put("artifact_id", "01a21c79-4cb8-7014-8c18-92cd4eb3d956").put("space_id", SPACE)
                .put("staged_object_key", "spaces/" + SPACE + "/artifacts/01a21c79-4cb8-7014-8c18-92cd4eb3d956/content");
    }

    private static ProducerRecord<String, byte[]> record(JsonNode value) {
        return new ProducerRecord<>("artifacts.generation-requests.v1", "key", bytes(value));
    }

    private static byte[] bytes(JsonNode value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
