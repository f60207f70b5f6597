package com.aimabledocs.artifacts.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/** Why a job or an artifact failed: a stable snake_case code for machines and a sentence for people. */
public record FailureReason(String code, String message) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int MAX_MESSAGE = 1000;

    public FailureReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new InvalidValueException("error_code", "error code must be snake_case, at most 64 characters");
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
    }
}
