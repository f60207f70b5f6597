package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/** A label people give a key to tell it apart ("CI uploader"); never used to find or authenticate it. */
public record ApiKeyName(String value) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public ApiKeyName {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH || CONTROL.matcher(value).find()) {
            throw new InvalidValueException("name",
                    "an API key name is 1 to " + MAX_LENGTH + " characters without control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
