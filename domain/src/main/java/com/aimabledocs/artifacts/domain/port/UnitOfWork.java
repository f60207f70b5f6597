package com.aimabledocs.artifacts.domain.port;

import java.util.function.Supplier;

/** Runs work in one database transaction: everything in it commits together or not at all. */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
