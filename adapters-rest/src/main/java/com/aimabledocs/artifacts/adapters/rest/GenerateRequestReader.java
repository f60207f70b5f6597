package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.adapters.rest.http.ApiProblemException;
import com.aimabledocs.artifacts.adapters.rest.http.Problem;
import com.aimabledocs.artifacts.adapters.rest.http.StrictJson;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a generate request body as a stream. The base64 {@code content} is decoded on the fly into a
 * temporary file, so a large upload never sits in memory, neither as text nor as bytes; its SHA-256 and
 * length are known when parsing ends. Every field problem is collected and reported at once.
 */
final class GenerateRequestReader {

    private final JsonFactory factory;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    GenerateRequestReader(ObjectMapper json, long maxBodyBytes) {
        this.json = json;
        this.factory = json.getFactory();
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A parsed request; owns the temporary content file until {@link #close()}. */
    record ParsedRequest(ArtifactName name, DocumentType type, List<ThreadId> threadIds, Optional<MediaType> mediaType,
                         ArtifactMetadata metadata, Optional<Sha256> declaredSha256, Path content, long contentLength,
                         Sha256 contentSha256) implements AutoCloseable {

        InputStream openContent() {
            try {
                return Files.newInputStream(content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The SHA-256 of the content: known already when it was hashed on the way in (JSON), else read from the
         * file only now, when the use case needs it for the request's fingerprint (a multipart upload with an
         * Idempotency-Key).
         */
        @Override
        public Sha256 contentSha256() {
            if (contentSha256 != null) {
                return contentSha256;
            }
            MessageDigest sha256 = sha256();
            try (InputStream in = Files.newInputStream(content)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sha256.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Sha256.ofDigest(sha256.digest());
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(content);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the OS temp cleaner takes it
            }
        }
    }

    ParsedRequest read(InputStream body) {
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

    private ParsedRequest parse(InputStream body, Path file) throws IOException {
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
                                new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), sha256())) {
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
        } catch (PayloadTooLarge e) {
            throw ApiProblemException.payloadTooLarge(maxBodyBytes);
        }

        if (!contentSeen) {
            errors.add(new Problem.FieldError("content", "content is required (standard base64)"));
        }
        return validated(name, type, threadIds, mediaType, metadata, declaredSha, errors, file, contentLength, digest);
    }

    /**
     * The checks every generate request goes through, whatever its encoding (JSON or multipart): required
     * fields, the thread limit, then each value's own rules; every problem is reported at once, with
     * {@code errors} already found by the caller. {@code digest} is the SHA-256 of the {@code contentLength}
     * bytes in {@code file} (null when there is no content, which the caller has reported).
     */
    static ParsedRequest validated(String name, String type, List<String> threadIds, String mediaType,
                                   Map<String, String> metadata, String declaredSha, List<Problem.FieldError> errors,
                                   Path file, long contentLength, byte[] digest) {
        if (name == null) {
            errors.add(new Problem.FieldError("name", "name is required"));
        }
        if (type == null) {
            errors.add(new Problem.FieldError("type", "type is required"));
        }
        if (new LinkedHashSet<>(threadIds).size() > Artifact.MAX_THREADS) {
            errors.add(new Problem.FieldError("thread_ids", "an artifact belongs to at most " + Artifact.MAX_THREADS + " threads"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblemException(400, "validation_failed", "the request has invalid fields", errors);
        }
        String nameText = name;
        ArtifactName artifactName = collect(errors, () -> new ArtifactName(nameText));
        String typeText = type;
        DocumentType documentType = collect(errors, () -> DocumentType.fromWireName("type", typeText));
        List<ThreadId> threads = collect(errors, () -> threadIds.stream().map(ThreadId::new).toList());
        String mediaText = mediaType;
        Optional<MediaType> media = collect(errors, () -> Optional.ofNullable(mediaText).map(MediaType::parse));
        Map<String, String> metadataMap = metadata;
        ArtifactMetadata artifactMetadata = collect(errors, () -> new ArtifactMetadata(metadataMap));
        String shaText = declaredSha;
        Optional<Sha256> declared = collect(errors,
                () -> Optional.ofNullable(shaText).map(s -> Sha256.parse("content_sha256", s)));
        if (!errors.isEmpty()) {
            throw new ApiProblemException(400, "validation_failed", "the request has invalid fields", errors);
        }
        return new ParsedRequest(artifactName, documentType, threads, media, artifactMetadata, declared, file,
                contentLength, digest == null ? null : Sha256.ofDigest(digest));
    }

    private static <T> T collect(List<Problem.FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(e.field(), e.getMessage()));
            return null;
        }
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
            // see ParsedRequest.close
        }
    }

    /** Thrown from inside the parser when the body passes the limit; unwrapped into a 413. */
    static final class PayloadTooLarge extends IOException {

        PayloadTooLarge() {
            super("payload too large", null);
        }
    }

    /** Counts bytes as they arrive and stops the read as soon as the limit is passed. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new PayloadTooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (count += n) > limit) {
                throw new PayloadTooLarge();
            }
            return n;
        }
    }
}
