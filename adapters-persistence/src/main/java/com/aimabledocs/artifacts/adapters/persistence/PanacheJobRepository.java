package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    public List<Job> listForArtifact(SpaceId spaceId, ArtifactId artifactId) {
        return list("artifactId = ?1 and spaceId = ?2 order by createdAt, id", artifactId.value(), spaceId.value())
                .stream().map(JobMapper::toDomain).toList();
    }
}
