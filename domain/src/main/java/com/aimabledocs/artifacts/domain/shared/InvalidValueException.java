package com.aimabledocs.artifacts.domain.shared;

/** A value that breaks one of its own rules (blank name, malformed ID, too many threads...). */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super("invalid_" + field, message);
        this.field = field;
    }

    /** The client-facing name of the offending field, in snake_case. */
    public String field() {
        return field;
    }
}
