package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;

/**
 * The human name of an artifact, also offered as the download file name. Never used to build a storage
 * key, so it may hold any printable text; control characters are refused.
 */
public record ArtifactName(String value) {

    public static final int MAX_LENGTH = 255;

    public ArtifactName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("name", "name must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("name", "name must be at most " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", "name must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
