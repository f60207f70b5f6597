package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.adapters.persistence.ArtifactStatusChanged;
import com.aimabledocs.artifacts.adapters.persistence.JobStatusChanged;
import com.aimabledocs.artifacts.adapters.persistence.OutboxStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

/**
 * Turns every stored status change of a job or an artifact into an event on the events topic, through
 * the outbox and in the transaction of the change: an event exists exactly when its change committed.
 */
@ApplicationScoped
public class OutboxLifecycleEventWriter {

    private final OutboxStore outbox;
    private final ObjectMapper json;
    private final MessagingConfig config;
    private final Event<OutboxAppended> appended;

    OutboxLifecycleEventWriter(OutboxStore outbox, ObjectMapper json, MessagingConfig config,
                               Event<OutboxAppended> appended) {
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.appended = appended;
    }

    void onJob(@Observes JobStatusChanged change) {
        write(LifecycleEventMessage.of(change.job(), change.previous()));
    }

    void onArtifact(@Observes ArtifactStatusChanged change) {
        write(LifecycleEventMessage.of(change.artifact(), change.previous()));
    }

    private void write(LifecycleEventMessage event) {
        try {
            outbox.append(config.eventsTopic(), event.artifactId(), event.eventType(), json.writeValueAsString(event),
                    event.occurredAt());
            appended.fire(new OutboxAppended());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lifecycle event always serializes", e);
        }
    }
}
