package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.event.LifecycleEvent;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a lifecycle event by appending it to the outbox, for the events topic, in the caller's
 * transaction: the event becomes durable exactly when the change it reports does. {@link OutboxRelay} sends it
 * to Kafka after the commit.
 */
@ApplicationScoped
public class OutboxLifecycleEventPublisher implements LifecycleEventPublisher {

    private final OutboxWriter outbox;
    private final MessagingConfig config;

    OutboxLifecycleEventPublisher(OutboxWriter outbox, MessagingConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Override
    public void publish(LifecycleEvent event) {
        LifecycleEventMessage message = event instanceof JobStatusChanged job
                ? LifecycleEventMessage.of(job.job(), job.previous())
                : LifecycleEventMessage.of(((ArtifactStatusChanged) event).artifact(),
                        ((ArtifactStatusChanged) event).previous());
        outbox.write(config.eventsTopic(), message.artifactId(), message.eventType(), message, message.occurredAt());
    }
}
