package com.aimabledocs.artifacts.domain.shared;

/** Someone else changed the aggregate since it was read (optimistic locking). The caller may re-read and retry. */
public final class ConcurrentUpdateException extends DomainException {

    public ConcurrentUpdateException(String aggregate, Object id) {
        super("concurrent_update", aggregate + " " + id + " was changed concurrently");
    }
}
