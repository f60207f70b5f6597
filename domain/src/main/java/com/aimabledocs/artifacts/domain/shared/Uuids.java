package com.aimabledocs.artifacts.domain.shared;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of UUID-based identifiers, strict enough that a client's typo never reaches storage. */
public final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** Parses the canonical 36-character form only; {@link UUID#fromString} alone accepts "1-1-1-1-1". */
    public static UUID parse(String field, String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new InvalidValueException(field, field + " must be a UUID such as 0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f");
        }
        return UUID.fromString(text);
    }

    public static UUID require(String field, UUID value) {
        return Objects.requireNonNull(value, field + " must not be null");
    }
}
