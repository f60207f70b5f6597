package com.aimabledocs.artifacts.adapters.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The small JSON bodies of the administration and webhook routes: at most {@link #MAX_BYTES}, one JSON object,
 * read with the API's strict mapper, every failure a 400 or 413 problem; and the one way their field errors
 * become a {@code 400 validation_failed}.
 */
public final class JsonObjectBody {

    public static final int MAX_BYTES = 16 * 1024;

    private JsonObjectBody() {
    }

    public static JsonNode read(ObjectMapper json, InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ApiProblemException(400, "invalid_json", "the request body could not be read");
        }
        if (bytes.length > MAX_BYTES) {
            throw ApiProblemException.payloadTooLarge(MAX_BYTES);
        }
        JsonNode root;
        try {
            root = bytes.length == 0 ? null : json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw StrictJson.invalidJson(e);
        } catch (IOException e) {
            throw new ApiProblemException(400, "invalid_json", "the request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ApiProblemException(400, "invalid_json", "the request body must be a JSON object");
        }
        return root;
    }

    public static void failIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblemException(400, "validation_failed", "the request has invalid fields", errors);
        }
    }
}
