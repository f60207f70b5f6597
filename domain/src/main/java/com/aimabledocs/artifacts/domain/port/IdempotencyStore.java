package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyEntry;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservation;
import com.aimabledocs.artifacts.domain.idempotency.ReservationOutcome;
import com.aimabledocs.artifacts.domain.job.JobId;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency-Keys and what they guard, reserved in two phases: {@link #reserve} in a short transaction
 * of its own, then {@link #complete} in the transaction that creates what the key guards (or
 * {@link #release} when the request fails before that). Each call joins the caller's transaction.
 */
public interface IdempotencyStore {

    Optional<IdempotencyEntry> find(IdempotencyKey key);

    /**
     * Atomically reserves {@code candidate.key()}: of any number of concurrent callers, exactly one gets
     * {@link ReservationOutcome.Reserved}. A reservation that expired before {@code candidate.reservedAt()}
     * is taken over (again by exactly one caller); otherwise the caller gets the
     * {@link ReservationOutcome.Existing} entry, in flight or completed.
     */
    ReservationOutcome reserve(IdempotencyReservation candidate);

    /**
     * Turns the caller's reservation into a record of what it created, in the caller's transaction.
     *
     * @throws com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservationLostException when the
     *         reservation is no longer held by its token (taken over, released or purged); the caller's
     *         transaction must then roll back
     */
    void complete(IdempotencyReservation reservation, ArtifactId artifactId, JobId jobId);

    /** Gives the key up after a failure before completion; does nothing if the token no longer holds it. */
    void release(IdempotencyReservation reservation);

    /**
     * Deletes records first reserved before {@code cutoff} and reservations whose deadline passed before it.
     *
     * @return how many keys were deleted
     */
    int purgeBefore(Instant cutoff);
}
