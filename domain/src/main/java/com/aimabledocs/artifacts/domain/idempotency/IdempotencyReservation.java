package com.aimabledocs.artifacts.domain.idempotency;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.JobId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A key held by a request that is still in flight. Only the holder knows the {@code token}, so only it can
 * complete or release the reservation. A reservation that outlives {@code reservedUntil} belongs to a
 * request that crashed or stalled: the next request with the key may take it over, and the stalled one
 * can then no longer complete it.
 *
 * @param reservedAt    when the key was reserved; kept as the record's creation time once completed
 * @param reservedUntil the deadline after which another request may take the key over
 */
public record IdempotencyReservation(IdempotencyKey key, String requestFingerprint, UUID token, Instant reservedAt,
                                     Instant reservedUntil) implements IdempotencyEntry {

    public IdempotencyReservation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(reservedAt, "reservedAt");
        Objects.requireNonNull(reservedUntil, "reservedUntil");
        if (!reservedUntil.isAfter(reservedAt)) {
            throw new IllegalArgumentException("a reservation must end after it starts");
        }
    }

    /** A new reservation of {@code key}, held for {@code lifetime} from {@code now}. */
    public static IdempotencyReservation reserve(IdempotencyKey key, String requestFingerprint, UUID token,
                                                 Instant now, Duration lifetime) {
        return new IdempotencyReservation(key, requestFingerprint, token, now, now.plus(lifetime));
    }

    /** Whether another request reserving at {@code now} may take this reservation over. */
    public boolean isExpiredAt(Instant now) {
        return reservedUntil.isBefore(now);
    }

    public boolean isHeldBy(UUID candidate) {
        return token.equals(candidate);
    }

    /** The record this reservation becomes once its request created the artifact and the job. */
    public IdempotencyRecord complete(ArtifactId artifactId, JobId jobId) {
        return new IdempotencyRecord(key, requestFingerprint, artifactId, jobId, reservedAt);
    }

    @Override
    public boolean isPurgeableBefore(Instant cutoff) {
        return reservedUntil.isBefore(cutoff);
    }
}
