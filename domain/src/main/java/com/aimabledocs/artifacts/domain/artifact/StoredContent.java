package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Objects;

/** What the worker learned about an artifact's bytes once they were stored for good. */
public record StoredContent(long sizeBytes, Sha256 sha256, MediaType mediaType) {

    public StoredContent {
        if (sizeBytes < 0) {
            throw new InvalidValueException("size_bytes", "size_bytes must not be negative");
        }
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
