package com.aimabledocs.artifacts.adapters.rest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are strict JSON: a key given twice in one object ({@code {"name":"a","name":"b"}}) is
 * refused with 400 {@code invalid_json} instead of letting the last value win, so a client never gets an
 * artifact other than the one it thinks it asked for. Applies to every parser of the application's mapper,
 * the streaming generate reader's included.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The 400 {@code invalid_json} problem for a body Jackson could not read, saying where and, for a duplicated key, which. */
    public static ApiProblemException invalidJson(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        String what = message != null && message.startsWith("Duplicate field ")
                ? "the request body is not valid JSON: key " + message.substring("Duplicate field ".length())
                        .replace('\'', '"') + " appears twice"
                : "the request body is not valid JSON";
        var at = e.getLocation();
        return new ApiProblemException(400, "invalid_json", at == null || at.getLineNr() < 0 ? what
                : what + " (line %d, column %d)".formatted(at.getLineNr(), at.getColumnNr()));
    }
}
