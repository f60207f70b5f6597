package com.aimabledocs.artifacts.domain.shared;

/**
 * A dependency (database, broker, object store) did not answer. Transient by nature: the same call may
 * succeed later, so callers retry rather than fail the work for good.
 */
public final class UnavailableException extends DomainException {

    public UnavailableException(String dependency, Throwable cause) {
        super(snakeCase(dependency) + "_unavailable", dependency + " is unavailable");
        initCause(cause);
    }

    private static String snakeCase(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
