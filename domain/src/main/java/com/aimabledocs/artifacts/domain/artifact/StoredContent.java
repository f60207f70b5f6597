package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Objects;

/**
 * What the worker learned about an artifact's bytes once they were stored for good: the media type it is
 * served as (the declared one, if any) and the one detected from the bytes.
 */
public record StoredContent(long sizeBytes, Sha256 sha256, MediaType mediaType, MediaType detectedMediaType) {

    public StoredContent {
        if (sizeBytes < 0) {
            throw new InvalidValueException("size_bytes", "size_bytes must not be negative");
        }
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
        detectedMediaType = detectedMediaType == null ? mediaType : detectedMediaType;
    }

    /** Content served as the type its bytes were detected as. */
    public StoredContent(long sizeBytes, Sha256 sha256, MediaType mediaType) {
        this(sizeBytes, sha256, mediaType, mediaType);
    }
}
