package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyEntry;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservation;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservationLostException;
import com.aimabledocs.artifacts.domain.idempotency.ReservationOutcome;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency-Keys in {@code idempotency_records}. Every write is one native statement whose {@code where}
 * clause is the rule it enforces, so PostgreSQL's row locks settle every race: the loser of an insert
 * waits for the winner's transaction and then inserts nothing, the loser of a take-over or a completion
 * re-reads the row the winner committed and updates nothing.
 */
@ApplicationScoped
public class PanacheIdempotencyStore
        implements IdempotencyStore, PanacheRepositoryBase<IdempotencyRecordEntity, IdempotencyRecordEntity.Key> {

    private static final String KEY_MATCHES =
            "api_key_id = :owner and space_id = :space and route = :route and idempotency_key = :key";
    /** Reserve retries this often when the row it lost to vanished (released or purged) before it could read it. */
    private static final int RESERVE_ATTEMPTS = 3;

    @Override
    public Optional<IdempotencyEntry> find(IdempotencyKey key) {
        @SuppressWarnings("unchecked")
        List<IdempotencyRecordEntity> rows = keyed(getEntityManager().createNativeQuery(
                "select * from idempotency_records where " + KEY_MATCHES, IdempotencyRecordEntity.class), key)
                .getResultList();
        // Detached at once: the writes below are native statements, which would leave a managed copy stale.
        rows.forEach(getEntityManager()::detach);
        return rows.stream().findFirst().map(PanacheIdempotencyStore::toDomain);
    }

    /**
     * Insert, else take over an expired reservation, else read what holds the key. {@code on conflict do
     * nothing} waits for a concurrent inserter to commit or roll back, so of many concurrent callers
     * exactly one inserts; the take-over's {@code where} is re-checked on the newest row version after a
     * concurrent take-over commits, so exactly one takes over.
     */
    @Override
    public ReservationOutcome reserve(IdempotencyReservation candidate) {
        for (int attempt = 1; ; attempt++) {
            int inserted = keyed(getEntityManager().createNativeQuery("""
                    insert into idempotency_records (api_key_id, space_id, route, idempotency_key,
                        request_fingerprint, state, reservation_token, reserved_until, created_at)
                    values (:owner, :space, :route, :key, :fingerprint, 'in_flight', :token, :until, :now)
                    on conflict do nothing"""), candidate.key())
                    .setParameter("fingerprint", candidate.requestFingerprint())
                    .setParameter("token", candidate.token())
                    .setParameter("until", candidate.reservedUntil())
                    .setParameter("now", candidate.reservedAt())
                    .executeUpdate();
            if (inserted == 1) {
                return new ReservationOutcome.Reserved(candidate, false);
            }
            int takenOver = keyed(getEntityManager().createNativeQuery("""
                    update idempotency_records
                    set request_fingerprint = :fingerprint, reservation_token = :token, reserved_until = :until,
                        created_at = :now
                    where\s""" + KEY_MATCHES + " and state = 'in_flight' and reserved_until < :now"), candidate.key())
                    .setParameter("fingerprint", candidate.requestFingerprint())
                    .setParameter("token", candidate.token())
                    .setParameter("until", candidate.reservedUntil())
                    .setParameter("now", candidate.reservedAt())
                    .executeUpdate();
            if (takenOver == 1) {
                return new ReservationOutcome.Reserved(candidate, true);
            }
            Optional<IdempotencyEntry> holder = find(candidate.key());
            if (holder.isPresent()) {
                return new ReservationOutcome.Existing(holder.get());
            }
            if (attempt == RESERVE_ATTEMPTS) {
                throw new IllegalStateException("idempotency key " + candidate.key().key()
                        + " kept vanishing while being reserved");
            }
        }
    }

    @Override
    public void complete(IdempotencyReservation reservation, ArtifactId artifactId, JobId jobId) {
        int completed = keyed(getEntityManager().createNativeQuery("""
                update idempotency_records set state = 'completed', artifact_id = :artifact, job_id = :job
                where\s""" + KEY_MATCHES + " and state = 'in_flight' and reservation_token = :token"),
                reservation.key())
                .setParameter("artifact", artifactId.value())
                .setParameter("job", jobId.value())
                .setParameter("token", reservation.token())
                .executeUpdate();
        if (completed != 1) {
            throw new IdempotencyReservationLostException(reservation.key());
        }
    }

    @Override
    public void release(IdempotencyReservation reservation) {
        keyed(getEntityManager().createNativeQuery("delete from idempotency_records where " + KEY_MATCHES
                + " and state = 'in_flight' and reservation_token = :token"), reservation.key())
                .setParameter("token", reservation.token())
                .executeUpdate();
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return getEntityManager().createNativeQuery("""
                delete from idempotency_records
                where (state = 'completed' and created_at < :cutoff)
                   or (state = 'in_flight' and reserved_until < :cutoff)""")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private static Query keyed(Query query, IdempotencyKey key) {
        return query.setParameter("owner", key.owner().value())
                .setParameter("space", key.spaceId().value())
                .setParameter("route", key.route())
                .setParameter("key", key.key());
    }

    private static IdempotencyEntry toDomain(IdempotencyRecordEntity row) {
        IdempotencyKey key = new IdempotencyKey(ApiKeyId.of(row.key.apiKeyId()), SpaceId.of(row.key.spaceId()),
                row.key.route(), row.key.idempotencyKey());
        if (IdempotencyRecordEntity.IN_FLIGHT.equals(row.state)) {
            return new IdempotencyReservation(key, row.requestFingerprint, row.reservationToken, row.createdAt,
                    row.reservedUntil);
        }
        return new IdempotencyRecord(key, row.requestFingerprint, ArtifactId.of(row.artifactId), JobId.of(row.jobId),
                row.createdAt);
    }
}
