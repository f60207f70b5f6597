package com.aimabledocs.artifacts.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages waiting to be sent to the broker, stored with the data they describe: a message appended in a
 * transaction exists exactly when that transaction commits. The publishers
 * ({@link GenerationRequestPublisher}, {@link LifecycleEventPublisher}) append to it; a relay claims unsent
 * messages, sends them and marks them sent (at least once); a purge deletes sent ones after a while. The
 * domain never uses it: it is the contract between the adapter that stores messages and the one that sends them.
 */
public interface Outbox {

    /**
     * A message as written: {@code payload} is the serialized document; {@code traceContext} the W3C trace
     * context of the writing transaction as a JSON object ({@code traceparent}, {@code tracestate}), if any.
     */
    record Message(String topic, String key, String eventType, String payload, Optional<String> traceContext,
                   Instant createdAt) {
    }

    /** A stored message not sent yet, with the position that orders the outbox. */
    record Unsent(long id, Message message) {
    }

    /** What waits to be sent: the number of unsent messages and when the oldest was written. */
    record Backlog(long unsent, Optional<Instant> oldestCreatedAt) {
    }

    /** Adds a message in the caller's transaction; returns its position (the {@link Unsent#id()} it will have). */
    long append(Message message);

    /**
     * Claims up to {@code limit} unsent messages, oldest first, for the rest of the caller's transaction;
     * messages another transaction claimed are skipped rather than waited for, so several relays can work at
     * once without sending a message twice while its claim is held.
     */
    default List<Unsent> claimUnsent(int limit) {
        return claimUnsent(limit, Duration.ZERO);
    }

    /**
     * As {@link #claimUnsent(int)}, leaving out messages appended less than {@code minAge} ago (by the store's own
     * clock): those are still being sent by the transaction that wrote them.
     */
    List<Unsent> claimUnsent(int limit, Duration minAge);

    /**
     * Marks claimed messages sent, in the claiming transaction. Losing that mark in a crash only makes the
     * messages be sent again, which at-least-once delivery allows, so an implementation may commit the
     * transaction without waiting for it to be durable.
     */
    void markSent(List<Long> ids, Instant now);

    Backlog backlog();

    /**
     * Deletes at most {@code limit} messages sent before {@code cutoff} and returns how many; unsent messages are
     * never touched. Concurrent purges take disjoint messages and never wait for each other.
     */
    int purgeSentBefore(Instant cutoff, int limit);
}
