package com.aimabledocs.artifacts.domain.space;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * A container of artifacts. Every artifact, job and API key belongs to exactly one space. Its
 * {@link MediaTypePolicy} says what happens when a declared media type contradicts the bytes.
 */
public record Space(SpaceId id, String name, MediaTypePolicy mediaTypePolicy, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public Space {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException("name", "space name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        mediaTypePolicy = mediaTypePolicy == null ? MediaTypePolicy.DEFAULT : mediaTypePolicy;
    }

    /** A space with the default media type policy. */
    public Space(SpaceId id, String name, Instant createdAt) {
        this(id, name, MediaTypePolicy.DEFAULT, createdAt);
    }
}
