package com.aimabledocs.artifacts.adapters.rest.generate;

import com.aimabledocs.artifacts.adapters.rest.http.Problem;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Reads a {@code multipart/form-data} generate request: the {@code file} part, already streamed to disk by the
 * HTTP layer, and the same fields as the JSON body as form fields. It ends in the very checks of the JSON reader
 * ({@link GenerateRequestValidator}), so both encodings give the same errors and, for the same request, the same
 * fields and content digest, hence the same Idempotency-Key fingerprint.
 */
final class GenerateFormReader {

    static final String FILE_PART = "file";

    /** The form as the HTTP layer hands it over; {@code uploads} holds every file part, whatever its name. */
    record Form(List<FileUpload> uploads, String name, String type, List<String> threadId, List<String> threadIds,
                String mediaType, String metadata, String contentSha256) {
    }

    private final ObjectMapper json;

    GenerateFormReader(ObjectMapper json) {
        this.json = json;
    }

    ParsedGenerateRequest read(Form form) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<FileUpload> files = form.uploads().stream().filter(u -> FILE_PART.equals(u.name())).toList();
        FileUpload file = null;
        if (files.isEmpty()) {
            errors.add(new Problem.FieldError(FILE_PART, "file is required (a file part of the form)"));
        } else if (files.size() > 1) {
            errors.add(new Problem.FieldError(FILE_PART, "send exactly one file part"));
        } else {
            file = files.get(0);
        }
        List<String> threadIds = new ArrayList<>();
        threadIds.addAll(nonNull(form.threadId()));
        threadIds.addAll(nonNull(form.threadIds()));
        Map<String, String> metadata = readMetadata(form.metadata(), errors);
        String mediaType = form.mediaType() != null ? form.mediaType() : file == null ? null : partMediaType(file);

        // The bytes are hashed while they are staged; the fingerprint reads them again only when asked for.
        long length = 0;
        if (file != null) {
            try {
                length = Files.size(file.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return GenerateRequestValidator.validate(form.name(), form.type(), threadIds, mediaType, metadata,
                form.contentSha256(), errors, file == null ? null : file.uploadedFile(), length, null);
    }

    /** {@code metadata} is a JSON object of strings, as in the JSON body; absent means none. */
    private Map<String, String> readMetadata(String text, List<Problem.FieldError> errors) {
        if (text == null) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError("metadata", "metadata must be a JSON object of strings"));
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (entry.getValue().isTextual()) {
                map.put(entry.getKey(), entry.getValue().asText());
            } else {
                errors.add(new Problem.FieldError("metadata", "metadata values must be strings"));
            }
        }
        return map;
    }

    /**
     * The file part's own Content-Type when it says something: {@code application/octet-stream} (what clients
     * send when they do not know) or an unreadable value leave the type to detection.
     */
    private static String partMediaType(FileUpload file) {
        String declared = file.contentType();
        if (declared == null || declared.isBlank()) {
            return null;
        }
        try {
            MediaType type = MediaType.parse(declared);
            return type.equals(MediaType.OCTET_STREAM) ? null : type.value();
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
