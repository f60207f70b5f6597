package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.event.LifecycleEvent;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Records the events published, like the outbox: part of the transaction, so a rollback removes them, and
 * publishing outside a transaction of the watched unit of work fails the test.
 */
public final class RecordingLifecycleEventPublisher implements LifecycleEventPublisher, TransactionalResource {

    private List<LifecycleEvent> published = new ArrayList<>();
    private BooleanSupplier transactionActive = () -> true;

    @Override
    public void publish(LifecycleEvent event) {
        if (!transactionActive.getAsBoolean()) {
            throw new AssertionError("a lifecycle event was published outside a transaction: " + event);
        }
        published.add(event);
    }

    public void requireTransactionOf(InMemoryUnitOfWork unitOfWork) {
        this.transactionActive = unitOfWork::isActive;
    }

    public List<LifecycleEvent> published() {
        return List.copyOf(published);
    }

    /**
     * The events as {@code job.queued}, {@code artifact.ready}…: the wire names of the event types, in order,
     * with {@code <-previous} when there was a previous status ({@code job.running<-queued}).
     */
    public List<String> names() {
        return published.stream().map(RecordingLifecycleEventPublisher::name).toList();
    }

    private static String name(LifecycleEvent event) {
        if (event instanceof JobStatusChanged job) {
            return "job." + job.job().status().wireName()
                    + job.previous().map(p -> "<-" + p.wireName()).orElse("");
        }
        ArtifactStatusChanged artifact = (ArtifactStatusChanged) event;
        return "artifact." + artifact.artifact().status().wireName()
                + artifact.previous().map(p -> "<-" + p.wireName()).orElse("");
    }

    /** Forgets what was published so far (a test's set-up steps). */
    public void clear() {
        published = new ArrayList<>();
    }

    @Override
    public Object snapshot() {
        return new ArrayList<>(published);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        published = new ArrayList<>((List<LifecycleEvent>) snapshot);
    }
}
