package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.event.LifecycleEvent;

/**
 * Tells other services what happened to an artifact or a job. Called inside the transaction that stores the
 * change, so an implementation must make the event durable with that transaction (a transactional outbox) and
 * deliver it after the commit: an event exists exactly when its change committed, and none of a rolled-back one.
 */
@FunctionalInterface
public interface LifecycleEventPublisher {

    void publish(LifecycleEvent event);
}
