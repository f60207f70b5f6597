package com.aimabledocs.artifacts.application.port.in;

import java.time.Instant;

/**
 * Forgets Idempotency-Keys older than the retention: completed keys first reserved before the cutoff, and
 * reservations whose deadline passed before it (their requests died long ago). Safe to run on several
 * replicas at once.
 */
public interface PurgeIdempotencyKeysUseCase {

    Purged purge();

    /**
     * @param cutoff keys older than this were deleted
     * @param count  how many
     */
    record Purged(Instant cutoff, int count) {
    }
}
