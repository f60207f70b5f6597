package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A small string map the client attaches to an artifact. Bounded, so it never turns into a blob store. */
public record ArtifactMetadata(Map<String, String> entries) {

    public static final int MAX_ENTRIES = 32;
    public static final int MAX_VALUE_LENGTH = 512;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    public static final ArtifactMetadata EMPTY = new ArtifactMetadata(Map.of());

    public ArtifactMetadata {
        if (entries == null) {
            entries = Map.of();
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new InvalidValueException("metadata", "metadata holds at most " + MAX_ENTRIES + " entries");
        }
        entries.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new InvalidValueException("metadata", "metadata keys are 1 to 64 characters of letters, digits, '_', '.' or '-'");
            }
            if (value == null || value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidValueException("metadata", "metadata values are strings of at most " + MAX_VALUE_LENGTH + " characters");
            }
        });
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }
}
