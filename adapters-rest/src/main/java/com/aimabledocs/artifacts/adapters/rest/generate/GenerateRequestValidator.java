package com.aimabledocs.artifacts.adapters.rest.generate;

import com.aimabledocs.artifacts.adapters.rest.http.ApiProblemException;
import com.aimabledocs.artifacts.adapters.rest.http.Problem;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks every generate request goes through, whatever its encoding (JSON or multipart): required fields,
 * the thread limit, then each value's own rules. Every problem is reported at once ({@code 400
 * validation_failed} with {@code errors}), together with those the reader found already.
 */
final class GenerateRequestValidator {

    private GenerateRequestValidator() {
    }

    /**
     * @param errors what the caller found already (wrong JSON types, a missing file part...)
     * @param digest the SHA-256 of the {@code contentLength} bytes in {@code file}, or null when it was not
     *               computed on the way in (multipart) or there is no content (which the caller has reported)
     */
    static ParsedGenerateRequest validate(String name, String type, List<String> threadIds, String mediaType,
                                          Map<String, String> metadata, String declaredSha,
                                          List<Problem.FieldError> errors, Path file, long contentLength,
                                          byte[] digest) {
        if (name == null) {
            errors.add(new Problem.FieldError("name", "name is required"));
        }
        if (type == null) {
            errors.add(new Problem.FieldError("type", "type is required"));
        }
        if (new LinkedHashSet<>(threadIds).size() > Artifact.MAX_THREADS) {
            errors.add(new Problem.FieldError("thread_ids", "an artifact belongs to at most " + Artifact.MAX_THREADS + " threads"));
        }
        failIfAny(errors);
        ArtifactName artifactName = collect(errors, () -> new ArtifactName(name));
        DocumentType documentType = collect(errors, () -> DocumentType.fromWireName("type", type));
        List<ThreadId> threads = collect(errors, () -> threadIds.stream().map(ThreadId::new).toList());
        Optional<MediaType> media = collect(errors, () -> Optional.ofNullable(mediaType).map(MediaType::parse));
        ArtifactMetadata artifactMetadata = collect(errors, () -> new ArtifactMetadata(metadata));
        Optional<Sha256> declared = collect(errors,
                () -> Optional.ofNullable(declaredSha).map(s -> Sha256.parse("content_sha256", s)));
        failIfAny(errors);
        return new ParsedGenerateRequest(artifactName, documentType, threads, media, artifactMetadata, declared, file,
                contentLength, digest == null ? null : Sha256.ofDigest(digest));
    }

    private static void failIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblemException(400, "validation_failed", "the request has invalid fields", errors);
        }
    }

    private static <T> T collect(List<Problem.FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(e.field(), e.getMessage()));
            return null;
        }
    }
}
