package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the work at once, counting transactions. When the work throws, every registered
 * {@link TransactionalResource} is put back as it was before the transaction began (a rollback). A
 * transaction opened inside another one joins it, like {@code REQUIRED} propagation.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    private final List<TransactionalResource> resources;
    private int depth;
    private int transactions;
    private int rollbacks;
    private int reads;

    public InMemoryUnitOfWork(TransactionalResource... resources) {
        this.resources = List.of(resources);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        transactions++;
        List<Object> snapshots = new ArrayList<>();
        resources.forEach(resource -> snapshots.add(resource.snapshot()));
        depth++;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            rollbacks++;
            for (int i = 0; i < resources.size(); i++) {
                resources.get(i).restore(snapshots.get(i));
            }
            throw e;
        } finally {
            depth--;
        }
    }

    /** A read runs in an open transaction if there is one, else on its own: no transaction is counted. */
    @Override
    public <T> T read(Supplier<T> work) {
        if (depth == 0) {
            reads++;
        }
        return work.get();
    }

    /** How many reads ran outside a transaction. */
    public int reads() {
        return reads;
    }

    /** Whether a transaction is open right now. */
    public boolean isActive() {
        return depth > 0;
    }

    /** How many (outermost) transactions ran. */
    public int transactions() {
        return transactions;
    }

    public int rollbacks() {
        return rollbacks;
    }
}
