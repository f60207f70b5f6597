package com.aimabledocs.artifacts.domain.shared;

/**
 * Base of every business failure. Each subtype carries a stable, snake_case {@link #code()} that
 * adapters expose to clients unchanged, so renaming a class never changes the public contract.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
