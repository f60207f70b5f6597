package com.aimabledocs.artifacts.application.inmemory;

/**
 * An in-memory port whose writes belong to the current transaction: {@link InMemoryUnitOfWork} takes a
 * snapshot before the work and restores it when the work throws, as a database rollback would.
 */
public interface TransactionalResource {

    Object snapshot();

    void restore(Object snapshot);
}
