package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs in PostgreSQL. Transitions are optimistically locked by {@code version}. The sweeper's claim locks
 * the due rows with {@code FOR UPDATE SKIP LOCKED} (three partial indexes serve its three conditions, see
 * V3), and a lease renewal is one conditional update that leaves the version alone.
 */
@ApplicationScoped
public class PanacheJobRepository implements JobRepository, PanacheRepositoryBase<JobEntity, UUID> {


    @Override
    public void add(Job job) {
        persist(JobMapper.newRow(job));
        flush();
    }

    @Override
    public void update(Job job) {
        JobEntity row = findById(job.id().value());
        if (row == null || row.version != job.version()) {
            throw new ConcurrentUpdateException("job", job.id());
        }
        JobMapper.copyState(job, row);
        try {
            flush();
        } catch (OptimisticLockException changedSinceRead) {
            // the row was committed by another transaction after this one read it
            throw new ConcurrentUpdateException("job", job.id());
        }
    }

    @Override
    public Optional<Job> findById(JobId id) {
        return findByIdOptional(id.value()).map(JobMapper::toDomain);
    }

    @Override
    public List<Job> claimDueForRedrive(Instant now, Instant queuedStaleBefore, int limit) {
        @SuppressWarnings("unchecked")
        List<JobEntity> rows = getEntityManager().createNativeQuery("""
                select * from jobs
                where (status = 'queued' and next_retry_at is not null and next_retry_at <= :now)
                   or (status = 'queued' and next_retry_at is null and updated_at <= :staleBefore)
                   or (status = 'running' and lease_expires_at <= :now)
                order by updated_at
                limit :limit
                for update skip locked""", JobEntity.class)
                .setParameter("now", now)
                .setParameter("staleBefore", queuedStaleBefore)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(JobMapper::toDomain).toList();
    }

    @Override
    public boolean renewLease(JobId id, String worker, Instant until) {
        return getEntityManager().createNativeQuery("""
                update jobs set lease_expires_at = greatest(lease_expires_at, :until)
                where id = :id and status = 'running' and lease_owner = :worker""")
                .setParameter("until", until)
                .setParameter("id", id.value())
                .setParameter("worker", worker)
                .executeUpdate() == 1;
    }

    @Override
    public List<Job> listForArtifact(SpaceId spaceId, ArtifactId artifactId) {
        return list("artifactId = ?1 and spaceId = ?2 order by createdAt, id", artifactId.value(), spaceId.value())
                .stream().map(JobMapper::toDomain).toList();
    }
}
