package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.IllegalTransitionException;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A processing task behind an artifact. Immutable; transitions follow {@link JobStatus} and return new
 * instances.
 *
 * <p>Invariants: {@code 0 <= attempt <= maxAttempts}; an error exists exactly when the job failed, or
 * when it waits for a retry (then it is the error of the last attempt); {@code nextRetryAt} exists only
 * while queued for a retry; {@code finishedAt} exists exactly when the job is final.
 */
public final class Job {

    public static final int MAX_ATTEMPTS_LIMIT = 100;

    private final JobId id;
    private final ArtifactId artifactId;
    private final SpaceId spaceId;
    private final JobKind kind;
    private final JobStatus status;
    private final int attempt;
    private final int maxAttempts;
    private final Instant nextRetryAt;
    private final FailureReason error;
    private final Instant createdAt;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final Instant updatedAt;
    private final long version;

    private Job(JobId id, ArtifactId artifactId, SpaceId spaceId, JobKind kind, JobStatus status, int attempt,
                int maxAttempts, Instant nextRetryAt, FailureReason error, Instant createdAt, Instant startedAt,
                Instant finishedAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.artifactId = Objects.requireNonNull(artifactId, "artifactId");
        this.spaceId = Objects.requireNonNull(spaceId, "spaceId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new InvalidValueException("max_attempts", "max_attempts must be 1 to " + MAX_ATTEMPTS_LIMIT);
        }
        if (attempt < 0 || attempt > maxAttempts) {
            throw new IllegalArgumentException("attempt must be between 0 and maxAttempts");
        }
        if (status == JobStatus.FAILED && error == null) {
            throw new IllegalArgumentException("a failed job carries its error");
        }
        if (status == JobStatus.SUCCEEDED && error != null) {
            throw new IllegalArgumentException("a succeeded job carries no error");
        }
        if (nextRetryAt != null && status != JobStatus.QUEUED) {
            throw new IllegalArgumentException("only a queued job waits for a retry");
        }
        if (status.isFinal() != (finishedAt != null)) {
            throw new IllegalArgumentException("finishedAt is present exactly when a job is final");
        }
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        this.nextRetryAt = nextRetryAt;
        this.error = error;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.version = version;
    }

    /** A new job, waiting for its first attempt. */
    public static Job queue(JobId id, ArtifactId artifactId, SpaceId spaceId, JobKind kind, int maxAttempts, Instant now) {
        return new Job(id, artifactId, spaceId, kind, JobStatus.QUEUED, 0, maxAttempts, null, null,
                now, null, null, now, 0);
    }

    /** Rebuilds a job from storage; checks the invariants but no transition rule. */
    public static Job restore(JobId id, ArtifactId artifactId, SpaceId spaceId, JobKind kind, JobStatus status,
                              int attempt, int maxAttempts, Instant nextRetryAt, FailureReason error,
                              Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt,
                              long version) {
        return new Job(id, artifactId, spaceId, kind, status, attempt, maxAttempts, nextRetryAt, error,
                createdAt, startedAt, finishedAt, updatedAt, version);
    }

    /** Begins the next attempt. Refused when every attempt has been used. */
    public Job start(Instant now) {
        check(JobStatus.RUNNING);
        if (!hasAttemptsLeft()) {
            throw new IllegalTransitionException("job", id, status, JobStatus.RUNNING);
        }
        return new Job(id, artifactId, spaceId, kind, JobStatus.RUNNING, attempt + 1, maxAttempts, null, null,
                createdAt, now, null, later(now), version);
    }

    public Job succeed(Instant now) {
        check(JobStatus.SUCCEEDED);
        return new Job(id, artifactId, spaceId, kind, JobStatus.SUCCEEDED, attempt, maxAttempts, null, null,
                createdAt, startedAt, later(now), later(now), version);
    }

    public Job fail(FailureReason reason, Instant now) {
        check(JobStatus.FAILED);
        return new Job(id, artifactId, spaceId, kind, JobStatus.FAILED, attempt, maxAttempts, null,
                Objects.requireNonNull(reason, "reason"), createdAt, startedAt, later(now), later(now), version);
    }

    /** Puts a running job back in the queue after a transient failure. Refused when no attempt is left. */
    public Job retryAt(Instant retryAt, FailureReason reason, Instant now) {
        check(JobStatus.QUEUED);
        if (!hasAttemptsLeft()) {
            throw new IllegalTransitionException("job", id, status, JobStatus.QUEUED);
        }
        return new Job(id, artifactId, spaceId, kind, JobStatus.QUEUED, attempt, maxAttempts,
                Objects.requireNonNull(retryAt, "retryAt"), Objects.requireNonNull(reason, "reason"),
                createdAt, startedAt, null, later(now), version);
    }

    public boolean hasAttemptsLeft() {
        return attempt < maxAttempts;
    }

    /** This job as it was when it was accepted: what an idempotent replay shows. */
    public Job asQueued() {
        return new Job(id, artifactId, spaceId, kind, JobStatus.QUEUED, 0, maxAttempts, null, null,
                createdAt, null, null, createdAt, 0);
    }

    private void check(JobStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("job", id, status, next);
        }
    }

    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    public JobId id() { return id; }
    public ArtifactId artifactId() { return artifactId; }
    public SpaceId spaceId() { return spaceId; }
    public JobKind kind() { return kind; }
    public JobStatus status() { return status; }
    public int attempt() { return attempt; }
    public int maxAttempts() { return maxAttempts; }
    public Optional<Instant> nextRetryAt() { return Optional.ofNullable(nextRetryAt); }
    public Optional<FailureReason> error() { return Optional.ofNullable(error); }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> startedAt() { return Optional.ofNullable(startedAt); }
    public Optional<Instant> finishedAt() { return Optional.ofNullable(finishedAt); }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }

    /** Entities are equal when they are the same job, whatever state each copy is in. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Job that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Job[" + id + ", " + status.wireName() + ", attempt " + attempt + "/" + maxAttempts + "]";
    }
}
