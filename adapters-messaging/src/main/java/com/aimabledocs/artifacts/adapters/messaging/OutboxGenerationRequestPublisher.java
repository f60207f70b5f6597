package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes by appending to the outbox in the caller's transaction: the request becomes durable exactly
 * when the job does. {@link OutboxRelay} sends it to Kafka after the commit.
 */
@ApplicationScoped
public class OutboxGenerationRequestPublisher implements GenerationRequestPublisher {

    private final OutboxWriter outbox;
    private final MessagingConfig config;

    OutboxGenerationRequestPublisher(OutboxWriter outbox, MessagingConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Override
    public void publish(GenerationRequest request) {
        outbox.write(config.generationRequestsTopic(), request.artifactId().toString(),
                GenerationRequestMessage.EVENT_TYPE, GenerationRequestMessage.from(request), request.requestedAt());
    }
}
