package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Records what is published, like an outbox table: part of the transaction, so a rollback removes the
 * request. Refuses to publish outside a transaction when told which unit of work to watch, since the
 * real publisher writes to the outbox in the caller's transaction.
 */
public final class RecordingGenerationRequestPublisher implements GenerationRequestPublisher, TransactionalResource {

    private List<GenerationRequest> published = new ArrayList<>();
    private BooleanSupplier transactionActive = () -> true;
    private RuntimeException nextFailure;

    @Override
    public void publish(GenerationRequest request) {
        if (!transactionActive.getAsBoolean()) {
            throw new AssertionError("a generation request was published outside a transaction: " + request);
        }
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        published.add(request);
    }

    /** Publishing outside a transaction of {@code unitOfWork} fails the test. */
    public void requireTransactionOf(InMemoryUnitOfWork unitOfWork) {
        this.transactionActive = unitOfWork::isActive;
    }

    /** The next publish throws {@code failure}. */
    public void failNextWith(RuntimeException failure) {
        this.nextFailure = failure;
    }

    public List<GenerationRequest> published() {
        return List.copyOf(published);
    }

    /** The only request published; fails the test unless there is exactly one. */
    public GenerationRequest single() {
        if (published.size() != 1) {
            throw new AssertionError("expected exactly one published request, got " + published);
        }
        return published.get(0);
    }

    @Override
    public Object snapshot() {
        return new ArrayList<>(published);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        published = new ArrayList<>((List<GenerationRequest>) snapshot);
    }
}
