package com.aimabledocs.artifacts.adapters.rest.generate;

import com.aimabledocs.artifacts.adapters.rest.http.ApiProblemException;
import com.aimabledocs.artifacts.adapters.rest.http.Problem;
import com.aimabledocs.artifacts.adapters.rest.http.StrictJson;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON generate request body as a stream. The base64 {@code content} is decoded on the fly into a
 * temporary file, so a large upload never sits in memory, neither as text nor as bytes; its SHA-256 and
 * length are known when parsing ends. Every field problem is collected and reported at once, with those of
 * {@link GenerateRequestValidator}.
 */
final class GenerateJsonReader {

    private final JsonFactory factory;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    GenerateJsonReader(ObjectMapper json, long maxBodyBytes) {
        this.json = json;
        this.factory = json.getFactory();
        this.maxBodyBytes = maxBodyBytes;
    }

    ParsedGenerateRequest read(InputStream body) {
        Path file = createTempFile();
        try {
            return parse(new LimitedInputStream(body, maxBodyBytes), file);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        } catch (JsonProcessingException e) {
            deleteQuietly(file);
            throw StrictJson.invalidJson(e);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    private ParsedGenerateRequest parse(InputStream body, Path file) throws IOException {
        String name = null;
        String type = null;
        List<String> threadIds = new ArrayList<>();
        String mediaType = null;
        Map<String, String> metadata = Map.of();
        String declaredSha = null;
        boolean contentSeen = false;
        long contentLength = 0;
        byte[] digest = null;
        List<Problem.FieldError> errors = new ArrayList<>();

        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiProblemException(400, "invalid_json", "the request body must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "name" -> name = text(parser, field, errors);
                    case "type" -> type = text(parser, field, errors);
                    case "media_type" -> mediaType = text(parser, field, errors);
                    case "content_sha256" -> declaredSha = text(parser, field, errors);
                    case "thread_id" -> {
                        String one = text(parser, field, errors);
                        if (one != null) {
                            threadIds.add(one);
                        }
                    }
                    case "thread_ids" -> {
                        if (value == JsonToken.START_ARRAY) {
                            for (String id : json.readValue(parser, String[].class)) {
                                threadIds.add(id);
                            }
                        } else if (value != JsonToken.VALUE_NULL) {
                            errors.add(new Problem.FieldError(field, "thread_ids must be an array of strings"));
                            parser.skipChildren();
                        }
                    }
                    case "metadata" -> {
                        if (value == JsonToken.START_OBJECT) {
                            metadata = readStringMap(parser, errors);
                        } else if (value != JsonToken.VALUE_NULL) {
                            errors.add(new Problem.FieldError(field, "metadata must be an object of strings"));
                            parser.skipChildren();
                        }
                    }
                    case "content" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            errors.add(new Problem.FieldError(field, "content must be a base64 string"));
                            parser.skipChildren();
                            break;
                        }
                        contentSeen = true;
                        try (DigestOutputStream out = new DigestOutputStream(
                                new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), ParsedGenerateRequest.sha256())) {
                            contentLength = parser.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, out);
                            digest = out.getMessageDigest().digest();
                        } catch (JsonProcessingException e) {
                            throw new InvalidValueException("content", "content is not valid standard base64");
                        } catch (IllegalArgumentException e) {
                            throw new InvalidValueException("content", "content is not valid standard base64");
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (LimitedInputStream.PayloadTooLarge e) {
            throw ApiProblemException.payloadTooLarge(maxBodyBytes);
        }

        if (!contentSeen) {
            errors.add(new Problem.FieldError("content", "content is required (standard base64)"));
        }
        return GenerateRequestValidator.validate(name, type, threadIds, mediaType, metadata, declaredSha, errors, file,
                contentLength, digest);
    }

    private static String text(JsonParser parser, String field, List<Problem.FieldError> errors) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token != JsonToken.VALUE_NULL) {
            errors.add(new Problem.FieldError(field, field + " must be a string"));
            parser.skipChildren();
        }
        return null;
    }

    private static Map<String, String> readStringMap(JsonParser parser, List<Problem.FieldError> errors)
            throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                map.put(key, parser.getText());
            } else {
                errors.add(new Problem.FieldError("metadata", "metadata values must be strings"));
                parser.skipChildren();
            }
        }
        return map;
    }

    private static Path createTempFile() {
        try {
            return Files.createTempFile("artifacts-upload-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // see ParsedGenerateRequest.close
        }
    }
}
