package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
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
}
