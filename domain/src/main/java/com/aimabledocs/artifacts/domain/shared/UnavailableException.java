package com.aimabledocs.artifacts.domain.shared;

/**
 * A dependency (database, broker, object store) did not answer. Transient by nature: the same call may
 * succeed later, so callers retry rather than fail the work for good.
 */
public final class UnavailableException extends DomainException {

    public UnavailableException(String dependency, Throwable cause) {
        super(dependency + "_unavailable", dependency + " is unavailable");
        initCause(cause);
    }
}
