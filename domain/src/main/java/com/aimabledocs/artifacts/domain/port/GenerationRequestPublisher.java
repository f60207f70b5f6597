package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.job.GenerationRequest;

/**
 * Hands a generation request to the workers. Called inside the transaction that creates the job, so an
 * implementation must make the request durable with that transaction (a transactional outbox), not send
 * it to a broker directly.
 */
@FunctionalInterface
public interface GenerationRequestPublisher {

    void publish(GenerationRequest request);
}
