package com.aimabledocs.artifacts.domain.port;

import java.util.function.Supplier;

/** Runs work in one database transaction: everything in it commits together or not at all. */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs a read that needs no transaction of its own because it is one statement (its own consistent
     * snapshot) and changes nothing: outside a transaction it costs no {@code BEGIN}/{@code COMMIT} and no
     * flush; inside one it joins it. By default it is a transaction like {@link #inTransaction(Supplier)}.
     */
    default <T> T read(Supplier<T> work) {
        return inTransaction(work);
    }

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
