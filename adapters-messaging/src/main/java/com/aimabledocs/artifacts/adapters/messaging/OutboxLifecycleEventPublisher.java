package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.event.LifecycleEvent;
import com.aimabledocs.artifacts.domain.port.EventJournal;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a lifecycle event by appending it to the outbox, for the events topic, and to the event journal that
 * the live streams read, both in the caller's transaction: the event becomes durable exactly when the change it
 * reports does. {@link OutboxRelay} sends it to Kafka after the commit. The journal keeps the very JSON sent.
 */
@ApplicationScoped
public class OutboxLifecycleEventPublisher implements LifecycleEventPublisher {

    private final OutboxWriter outbox;
    private final EventJournal journal;
    private final MessagingConfig config;

    OutboxLifecycleEventPublisher(OutboxWriter outbox, EventJournal journal, MessagingConfig config) {
        this.outbox = outbox;
        this.journal = journal;
        this.config = config;
    }

    @Override
    public void publish(LifecycleEvent event) {
        LifecycleEventMessage message = event instanceof JobStatusChanged job
                ? LifecycleEventMessage.of(job.job(), job.previous())
                : LifecycleEventMessage.of(((ArtifactStatusChanged) event).artifact(),
                        ((ArtifactStatusChanged) event).previous());
        String payload = outbox.write(config.eventsTopic(), message.artifactId(), message.eventType(), message,
                message.occurredAt());
        journal.append(event.spaceId(), event.artifactId(), message.eventType(), payload, message.occurredAt());
    }
}
