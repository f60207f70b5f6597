package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyEntry;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservation;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservationLostException;
import com.aimabledocs.artifacts.domain.idempotency.ReservationOutcome;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entries keyed by {@link IdempotencyKey}, with the semantics of the PostgreSQL adapter: one entry per
 * key, an expired reservation taken over, completion and release only by the reservation's token.
 * {@link #commitElsewhere} plays another request whose committed writes survive a rollback of ours, and
 * {@link #beforeNextComplete} lets it act at the worst moment: between this request's reservation and
 * its completion.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore, TransactionalResource {

    private Map<IdempotencyKey, IdempotencyEntry> rows = new LinkedHashMap<>();
    /** Entries committed by "other requests" during our transaction: its rollback does not remove them. */
    private final Map<IdempotencyKey, IdempotencyEntry> committedElsewhere = new LinkedHashMap<>();
    private Runnable beforeNextComplete;
    private RuntimeException nextReleaseFailure;
    private int releases;

    @Override
    public Optional<IdempotencyEntry> find(IdempotencyKey key) {
        return Optional.ofNullable(rows.get(key));
    }

    @Override
    public ReservationOutcome reserve(IdempotencyReservation candidate) {
        IdempotencyEntry existing = rows.get(candidate.key());
        if (existing == null) {
            rows.put(candidate.key(), candidate);
            return new ReservationOutcome.Reserved(candidate, false);
        }
        if (existing instanceof IdempotencyReservation held && held.isExpiredAt(candidate.reservedAt())) {
            rows.put(candidate.key(), candidate);
            return new ReservationOutcome.Reserved(candidate, true);
        }
        return new ReservationOutcome.Existing(existing);
    }

    @Override
    public void complete(IdempotencyReservation reservation, ArtifactId artifactId, JobId jobId) {
        if (beforeNextComplete != null) {
            Runnable concurrent = beforeNextComplete;
            beforeNextComplete = null;
            concurrent.run();
        }
        if (!(rows.get(reservation.key()) instanceof IdempotencyReservation held) || !held.isHeldBy(reservation.token())) {
            throw new IdempotencyReservationLostException(reservation.key());
        }
        rows.put(reservation.key(), reservation.complete(artifactId, jobId));
    }

    @Override
    public void release(IdempotencyReservation reservation) {
        releases++;
        if (nextReleaseFailure != null) {
            RuntimeException failure = nextReleaseFailure;
            nextReleaseFailure = null;
            throw failure;
        }
        if (rows.get(reservation.key()) instanceof IdempotencyReservation held && held.isHeldBy(reservation.token())) {
            rows.remove(reservation.key());
        }
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        int before = rows.size();
        rows.values().removeIf(entry -> entry.isPurgeableBefore(cutoff));
        return before - rows.size();
    }

    /** Another request commits {@code entry} now (test set-up, or a concurrent request). */
    public void commitElsewhere(IdempotencyEntry entry) {
        rows.put(entry.key(), entry);
        committedElsewhere.put(entry.key(), entry);
    }

    /** Runs {@code concurrentRequest} inside the next {@link #complete}, before it checks the reservation. */
    public void beforeNextComplete(Runnable concurrentRequest) {
        this.beforeNextComplete = concurrentRequest;
    }

    /** The next {@link #release} throws {@code failure} (the database went away). */
    public void failNextReleaseWith(RuntimeException failure) {
        this.nextReleaseFailure = failure;
    }

    public Optional<IdempotencyEntry> entry(IdempotencyKey key) {
        return find(key);
    }

    public List<IdempotencyRecord> records() {
        return rows.values().stream().filter(IdempotencyRecord.class::isInstance).map(IdempotencyRecord.class::cast)
                .toList();
    }

    public List<IdempotencyReservation> reservations() {
        return rows.values().stream().filter(IdempotencyReservation.class::isInstance)
                .map(IdempotencyReservation.class::cast).toList();
    }

    public int count() {
        return rows.size();
    }

    /** Calls of {@link #release}, whether or not they removed anything. */
    public int releases() {
        return releases;
    }

    @Override
    public Object snapshot() {
        committedElsewhere.clear();
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<IdempotencyKey, IdempotencyEntry>) snapshot);
        rows.putAll(committedElsewhere);
        committedElsewhere.clear();
    }
}
