package com.aimabledocs.artifacts.domain.idempotency;

import java.time.Instant;

/**
 * What the store holds for an Idempotency-Key: a {@link IdempotencyReservation reservation} while the
 * first request is in flight, then an {@link IdempotencyRecord record} of what it created.
 */
public sealed interface IdempotencyEntry permits IdempotencyReservation, IdempotencyRecord {

    IdempotencyKey key();

    /** SHA-256 over the canonical request; a different one under the same key is another request. */
    String requestFingerprint();

    default boolean matches(String fingerprint) {
        return requestFingerprint().equals(fingerprint);
    }

    /**
     * Whether a purge with this cutoff removes the entry: a record first reserved before it, or a
     * reservation whose deadline passed before it (its request is long gone).
     */
    boolean isPurgeableBefore(Instant cutoff);
}
