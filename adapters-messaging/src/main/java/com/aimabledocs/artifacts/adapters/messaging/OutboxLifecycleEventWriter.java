package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.adapters.persistence.ArtifactStatusChanged;
import com.aimabledocs.artifacts.adapters.persistence.JobStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Turns every stored status change of a job or an artifact into an event on the events topic, through
 * the outbox and in the transaction of the change: an event exists exactly when its change committed.
 */
@ApplicationScoped
public class OutboxLifecycleEventWriter {

    private final OutboxWriter outbox;
    private final MessagingConfig config;

    OutboxLifecycleEventWriter(OutboxWriter outbox, MessagingConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    void onJob(@Observes JobStatusChanged change) {
        write(LifecycleEventMessage.of(change.job(), change.previous()));
    }

    void onArtifact(@Observes ArtifactStatusChanged change) {
        write(LifecycleEventMessage.of(change.artifact(), change.previous()));
    }

    private void write(LifecycleEventMessage event) {
        outbox.write(config.eventsTopic(), event.artifactId(), event.eventType(), event, event.occurredAt());
    }
}
