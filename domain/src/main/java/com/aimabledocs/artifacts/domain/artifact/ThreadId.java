package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/** A conversation thread of the AimableDocs platform. Minted elsewhere, so it is an opaque token here. */
public record ThreadId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    public ThreadId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("thread_id",
                    "thread_id must be 1 to 128 characters of letters, digits, '_', '.', ':' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
