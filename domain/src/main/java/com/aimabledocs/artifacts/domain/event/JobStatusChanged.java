package com.aimabledocs.artifacts.domain.event;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A job entered {@code job.status()}: it was queued ({@code previous} empty), or it moved on from {@code previous}. */
public record JobStatusChanged(Job job, Optional<JobStatus> previous) implements LifecycleEvent {

    public JobStatusChanged {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(previous, "previous");
        if (previous.filter(job.status()::equals).isPresent()) {
            throw new IllegalArgumentException("job " + job.id() + " is still " + job.status().wireName());
        }
    }

    /** A new job, in its first status. */
    public static JobStatusChanged created(Job job) {
        return new JobStatusChanged(job, Optional.empty());
    }

    /** The transition from {@code before} to {@code after}, which must be in another status. */
    public static JobStatusChanged between(Job before, Job after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("not the same job: " + before.id() + ", " + after.id());
        }
        return new JobStatusChanged(after, Optional.of(before.status()));
    }

    @Override
    public SpaceId spaceId() {
        return job.spaceId();
    }

    @Override
    public ArtifactId artifactId() {
        return job.artifactId();
    }

    @Override
    public Instant occurredAt() {
        return job.updatedAt();
    }
}
