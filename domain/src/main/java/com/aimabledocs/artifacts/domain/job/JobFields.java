package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;

/**
 * The fields of a {@link Job}, each set by name, so that none can be swapped with another of its type.
 * Only {@link Job} creates one: blank for {@link Job#restore}, or a copy of a job for a transition. It
 * checks nothing; the job built from it checks its invariants. An optional field takes {@code null} for
 * absent; a field left unset is {@code null} (or 0).
 */
public final class JobFields {

    JobId id;
    ArtifactId artifactId;
    SpaceId spaceId;
    JobKind kind;
    JobStatus status;
    int attempt;
    int maxAttempts;
    Sha256 expectedSha256;
    Instant nextRetryAt;
    FailureReason error;
    JobLease lease;
    Instant createdAt;
    Instant startedAt;
    Instant finishedAt;
    Instant updatedAt;
    long version;

    JobFields() {
    }

    static JobFields copyOf(Job job) {
        return new JobFields().id(job.id()).artifactId(job.artifactId()).spaceId(job.spaceId()).kind(job.kind())
                .status(job.status()).attempt(job.attempt()).maxAttempts(job.maxAttempts())
                .expectedSha256(job.expectedSha256().orElse(null)).nextRetryAt(job.nextRetryAt().orElse(null))
                .error(job.error().orElse(null)).lease(job.lease().orElse(null)).createdAt(job.createdAt())
                .startedAt(job.startedAt().orElse(null)).finishedAt(job.finishedAt().orElse(null))
                .updatedAt(job.updatedAt()).version(job.version());
    }

    public JobFields id(JobId value) { id = value; return this; }
    public JobFields artifactId(ArtifactId value) { artifactId = value; return this; }
    public JobFields spaceId(SpaceId value) { spaceId = value; return this; }
    public JobFields kind(JobKind value) { kind = value; return this; }
    public JobFields status(JobStatus value) { status = value; return this; }
    public JobFields attempt(int value) { attempt = value; return this; }
    public JobFields maxAttempts(int value) { maxAttempts = value; return this; }
    public JobFields expectedSha256(Sha256 value) { expectedSha256 = value; return this; }
    public JobFields nextRetryAt(Instant value) { nextRetryAt = value; return this; }
    public JobFields error(FailureReason value) { error = value; return this; }
    public JobFields lease(JobLease value) { lease = value; return this; }
    public JobFields createdAt(Instant value) { createdAt = value; return this; }
    public JobFields startedAt(Instant value) { startedAt = value; return this; }
    public JobFields finishedAt(Instant value) { finishedAt = value; return this; }
    public JobFields updatedAt(Instant value) { updatedAt = value; return this; }
    public JobFields version(long value) { version = value; return this; }
}
