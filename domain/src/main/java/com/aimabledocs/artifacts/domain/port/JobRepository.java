package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface JobRepository {

    void add(Job job);

    /**
     * Stores a transition of a job read earlier.
     *
     * @throws com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException if it changed since it was read
     */
    void update(Job job);

    Optional<Job> findById(JobId id);

    /** The artifact's jobs, oldest first. */
    List<Job> listForArtifact(SpaceId spaceId, ArtifactId artifactId);

    /**
     * Claims up to {@code limit} jobs that are {@linkplain Job#isDueForRedrive due for a re-drive} at
     * {@code now}, for the rest of the caller's transaction: jobs another transaction claimed already are
     * skipped rather than waited for, so several sweepers can work at once and never take the same job.
     * The claimed jobs may be {@linkplain #update updated} in the same transaction.
     */
    List<Job> claimDueForRedrive(Instant now, Instant queuedStaleBefore, int limit);

    /**
     * Extends the lease of a job that is running under a lease of {@code worker} (see
     * {@link Job#renewLease}), atomically. Not a state change: the job's version stays as it is, so a
     * renewal never makes the lease holder's own next transition fail as a concurrent update.
     *
     * @return false when the job is no longer running under that worker's lease (it finished, or it was
     *         taken back after the lease expired): the worker should stop working on it
     */
    boolean renewLease(JobId id, String worker, Instant until);
}
