package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.adapters.persistence.OutboxStore;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Publishes by appending to the outbox in the caller's transaction: the request becomes durable exactly
 * when the job does. {@link OutboxRelay} sends it to Kafka after the commit.
 */
@ApplicationScoped
public class OutboxGenerationRequestPublisher implements GenerationRequestPublisher {

    private final OutboxStore outbox;
    private final ObjectMapper json;
    private final MessagingConfig config;
    private final Event<OutboxAppended> appended;

    OutboxGenerationRequestPublisher(OutboxStore outbox, ObjectMapper json, MessagingConfig config,
                                     Event<OutboxAppended> appended) {
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.appended = appended;
    }

    @Override
    public void publish(GenerationRequest request) {
        try {
            String payload = json.writeValueAsString(GenerationRequestMessage.from(request));
            outbox.append(config.generationRequestsTopic(), request.artifactId().toString(),
                    GenerationRequestMessage.EVENT_TYPE, payload, request.requestedAt());
            appended.fire(new OutboxAppended());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a generation request always serializes", e);
        }
    }
}
