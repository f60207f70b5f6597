package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.MediaTypeMismatchException;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The worker's look at the bytes staged for a job: reads them once, streaming, hashing them and detecting their
 * media type on the way (always, so it is on record), and applies the space's policy to a declared type. The bytes
 * stay where they are. A transient storage failure surfaces as {@link UnavailableException}; content that can never
 * be accepted as {@link Rejected}.
 */
final class StagedContentReader {

    private static final int DETECTION_HEAD_BYTES = MediaTypeGate.DETECTION_HEAD_BYTES;

    private final ObjectStore objects;
    private final MediaTypeDetector detector;

    StagedContentReader(ObjectStore objects, MediaTypeDetector detector) {
        this.objects = objects;
        this.detector = detector;
    }

    StoredContent read(GenerationRequest request, Artifact artifact, MediaTypePolicy policy) {
        ObjectStore.ObjectContent staged = objects.open(request.stagedContent())
                .orElseThrow(() -> new Rejected("staged_content_missing", "the content staged for this job is gone"));
        try (staged) {
            DigestingInputStream digesting = new DigestingInputStream(staged.stream());
            InputStream content = new BufferedInputStream(digesting, DETECTION_HEAD_BYTES);
            MediaType detected = detector.detect(content, artifact.name());
            Optional<MediaType> declared = artifact.declaredMediaType();
            if (declared.isPresent()) {
                try {
                    policy.check(declared.get(), detected, detector);
                } catch (MediaTypeMismatchException mismatch) {
                    throw new Rejected(mismatch.code(), mismatch.getMessage());
                }
            }
            MediaType mediaType = declared.orElse(detected);
            drain(content);
            Sha256 sha256 = digesting.sha256();
            if (request.expectedSha256().map(expected -> !expected.equals(sha256)).orElse(false)) {
                objects.delete(request.stagedContent());
                throw new Rejected("content_sha256_mismatch", "content does not match content_sha256");
            }
            return new StoredContent(digesting.count(), sha256, mediaType, detected);
        }
    }

    private static void drain(InputStream content) {
        try {
            content.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UnavailableException("storage", e);
        }
    }

    /** Content that retrying cannot mend: the job fails at once. */
    static final class Rejected extends RuntimeException {

        private final FailureReason reason;

        Rejected(String code, String message) {
            super(message, null, false, false);
            this.reason = new FailureReason(code, message);
        }

        FailureReason reason() {
            return reason;
        }
    }
}
