package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.adapters.messaging.GenerationRequestMessage;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.ExternalGenerationRequest;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.shared.DomainException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a record of the requests topic: the request it holds, or why it holds none (the dead-letter reason
 * and a message naming what is wrong). A request from the API names its job ({@code job_id}); a request
 * from another producer names its own {@code request_id} (see docs/asyncapi.yaml). Only reads: accepting an
 * external request and processing are the consumer's.
 */
@ApplicationScoped
public class GenerationRequestRecordReader {

    /** What a record holds. */
    sealed interface Read permits ApiRequest, ExternalRequest, Refusal {
    }

    /** A request from the API (or the sweeper), for an existing job. */
    record ApiRequest(GenerationRequest request) implements Read {
    }

    /** A request from another producer, to be accepted (its artifact and job created) first. */
    record ExternalRequest(ExternalGenerationRequest request) implements Read {
    }

    /** Why a record holds no request this worker can process: it goes to the dead-letter topic. */
    record Refusal(String reason, String message) implements Read {
    }

    private final ObjectMapper json;
    /**
     * The application's mapper, refusing a JSON object that holds a key twice (RFC 8259 leaves the meaning
     * of {@code {"name":"a","name":"b"}} open; a lenient reader would silently keep the last one, where
     * another consumer of the topic may keep the first).
     */
    private final ObjectReader strict;

    GenerationRequestRecordReader(ObjectMapper json) {
        this.json = json;
        this.strict = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    Read read(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            return new Refusal(DeadLetters.UNREADABLE_MESSAGE, "the record has no value");
        }
        JsonNode tree;
        try {
            tree = strict.readTree(value);
        } catch (JsonParseException notJson) {
            if (isWellFormed(value)) {
                // duplicate detection is all that tells the two readers apart
                return invalid("a JSON object holds a key twice: " + notJson.getOriginalMessage());
            }
            return new Refusal(DeadLetters.UNREADABLE_MESSAGE, "not JSON: " + notJson.getOriginalMessage());
        } catch (IOException e) {
            return new Refusal(DeadLetters.UNREADABLE_MESSAGE, e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            return invalid("the value is not a JSON object");
        }
        try {
            if (tree.hasNonNull("job_id")) {
                return apiRequest(json.treeToValue(tree, GenerationRequestMessage.class));
            }
            if (tree.hasNonNull("request_id")) {
                return new ExternalRequest(json.treeToValue(tree, ExternalGenerationRequestMessage.class).toDomain());
            }
        } catch (JsonProcessingException wrongShape) {
            return invalid("not a generation request: " + wrongShape.getOriginalMessage());
        } catch (DomainException broken) {
            return invalid(broken.getMessage());
        }
        return invalid("a generation request has a job_id or a request_id");
    }

    private static Read apiRequest(GenerationRequestMessage message) {
        if (message.schemaVersion() != GenerationRequestMessage.SCHEMA_VERSION) {
            return invalid("unsupported schema_version " + message.schemaVersion());
        }
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("job_id", message.jobId());
        required.put("artifact_id", message.artifactId());
        required.put("space_id", message.spaceId());
        required.put("staged_object_key", message.stagedObjectKey());
        for (Map.Entry<String, Object> field : required.entrySet()) {
            if (field.getValue() == null) {
                return invalid("a required field is missing: " + field.getKey());
            }
        }
        return new ApiRequest(message.toDomain());
    }

    /** Whether the value is JSON once duplicated keys are allowed. */
    private boolean isWellFormed(byte[] value) {
        try {
            json.readTree(value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Refusal invalid(String message) {
        return new Refusal(DeadLetters.INVALID_MESSAGE, message);
    }
}
