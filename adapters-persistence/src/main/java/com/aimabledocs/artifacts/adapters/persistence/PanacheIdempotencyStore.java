package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyTakenException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class PanacheIdempotencyStore
        implements IdempotencyStore, PanacheRepositoryBase<IdempotencyRecordEntity, IdempotencyRecordEntity.Key> {

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key) {
        return findByIdOptional(keyOf(key)).map(row -> new IdempotencyRecord(
                new IdempotencyKey(ApiKeyId.of(row.key.apiKeyId()), SpaceId.of(row.key.spaceId()), row.key.route(),
                        row.key.idempotencyKey()),
                row.requestFingerprint, ArtifactId.of(row.artifactId), JobId.of(row.jobId), row.createdAt));
    }

    /**
     * {@code on conflict do nothing} waits for a concurrent holder of the key to commit or roll back, then
     * inserts nothing if it committed: the loser learns it lost without poisoning its transaction.
     */
    @Override
    public void add(IdempotencyRecord record) {
        int inserted = getEntityManager().createNativeQuery("""
                insert into idempotency_records
                    (api_key_id, space_id, route, idempotency_key, request_fingerprint, artifact_id, job_id, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict do nothing""")
                .setParameter(1, record.key().owner().value())
                .setParameter(2, record.key().spaceId().value())
                .setParameter(3, record.key().route())
                .setParameter(4, record.key().key())
                .setParameter(5, record.requestFingerprint())
                .setParameter(6, record.artifactId().value())
                .setParameter(7, record.jobId().value())
                .setParameter(8, record.createdAt())
                .executeUpdate();
        if (inserted == 0) {
            throw new IdempotencyKeyTakenException(null);
        }
    }

    private static IdempotencyRecordEntity.Key keyOf(IdempotencyKey key) {
        return new IdempotencyRecordEntity.Key(key.owner().value(), key.spaceId().value(), key.route(), key.key());
    }
}
