package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs in a map: duplicate IDs refused, optimistic-lock version checked and bumped on update. */
public final class InMemoryJobRepository implements JobRepository, TransactionalResource {

    private static final Comparator<Job> OLDEST_FIRST =
            Comparator.comparing(Job::createdAt).thenComparing(j -> j.id().toString());

    private Map<JobId, Job> rows = new LinkedHashMap<>();
    private int updates;
    private int claims;
    private int renewals;

    @Override
    public void add(Job job) {
        if (rows.containsKey(job.id())) {
            throw new IllegalStateException("duplicate key: job " + job.id());
        }
        rows.put(job.id(), job);
    }

    @Override
    public void update(Job job) {
        Job stored = rows.get(job.id());
        if (stored == null || stored.version() != job.version()) {
            throw new ConcurrentUpdateException("job", job.id());
        }
        rows.put(job.id(), withVersion(job, job.version() + 1));
        updates++;
    }

    @Override
    public Optional<Job> findById(JobId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public List<Job> listForArtifact(SpaceId spaceId, ArtifactId artifactId) {
        return rows.values().stream()
                .filter(j -> j.spaceId().equals(spaceId) && j.artifactId().equals(artifactId))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /** The jobs due, oldest update first; no locking is needed with one thread. */
    @Override
    public List<Job> claimDueForRedrive(Instant now, Instant queuedStaleBefore, int limit) {
        claims++;
        return rows.values().stream()
                .filter(j -> j.isDueForRedrive(now, queuedStaleBefore))
                .sorted(Comparator.comparing(Job::updatedAt))
                .limit(limit)
                .toList();
    }

    /** The domain's renewal, stored without bumping the version, as the port asks. */
    @Override
    public boolean renewLease(JobId id, String worker, Instant until) {
        Job stored = rows.get(id);
        if (stored == null || !stored.isHeldBy(worker)) {
            return false;
        }
        rows.put(id, stored.renewLease(worker, until));
        renewals++;
        return true;
    }

    /** Stores a job as it is, bypassing the version check: test set-up (say, a job a dead worker left running). */
    public void put(Job job) {
        rows.put(job.id(), job);
    }

    private static Job withVersion(Job j, long version) {
        return Job.restore(job -> job.id(j.id()).artifactId(j.artifactId()).spaceId(j.spaceId()).kind(j.kind())
                .status(j.status()).attempt(j.attempt()).maxAttempts(j.maxAttempts())
                .expectedSha256(j.expectedSha256().orElse(null)).nextRetryAt(j.nextRetryAt().orElse(null))
                .error(j.error().orElse(null)).lease(j.lease().orElse(null)).createdAt(j.createdAt())
                .startedAt(j.startedAt().orElse(null)).finishedAt(j.finishedAt().orElse(null))
                .updatedAt(j.updatedAt()).version(version));
    }

    /** The stored job; fails the test when there is none. */
    public Job get(JobId id) {
        Job job = rows.get(id);
        if (job == null) {
            throw new AssertionError("no job " + id);
        }
        return job;
    }

    public List<Job> all() {
        return List.copyOf(rows.values());
    }

    public int count() {
        return rows.size();
    }

    public int updates() {
        return updates;
    }

    public int claims() {
        return claims;
    }

    public int renewals() {
        return renewals;
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<JobId, Job>) snapshot);
    }
}
