package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
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
 * <p>Invariants: {@code 0 <= attempt <= maxAttempts}; an error exists when the job failed, and is kept
 * while it waits to be tried again (the error of the last attempt); {@code nextRetryAt} exists only
 * while queued; a {@link JobLease} exists exactly while running; {@code finishedAt} exists exactly when
 * the job is final.
 *
 * <p>Nothing keeps a job open for ever: a running job whose worker stops renewing its lease is
 * {@linkplain #expireLease taken back}, and a queued job whose retry time came, or whose request seems
 * lost, is {@linkplain #redrive re-driven} (its request sent again); {@link #isDueForRedrive} says when.
 */
public final class Job {

    public static final int MAX_ATTEMPTS_LIMIT = 100;
    /** Error code of an attempt whose worker stopped renewing its lease. */
    public static final String LEASE_EXPIRED = "lease_expired";
    /** Error code of a job that failed because its last attempt failed transiently. */
    public static final String ATTEMPTS_EXHAUSTED = "attempts_exhausted";

    /** Why a job was canceled: its artifact was deleted. */
    public static final String ARTIFACT_DELETED = "artifact_deleted";

    private final JobId id;
    private final ArtifactId artifactId;
    private final SpaceId spaceId;
    private final JobKind kind;
    private final JobStatus status;
    private final int attempt;
    private final int maxAttempts;
    private final Sha256 expectedSha256;
    private final Instant nextRetryAt;
    private final FailureReason error;
    private final JobLease lease;
    private final Instant createdAt;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final Instant updatedAt;
    private final long version;

    private Job(JobId id, ArtifactId artifactId, SpaceId spaceId, JobKind kind, JobStatus status, int attempt,
                int maxAttempts, Sha256 expectedSha256, Instant nextRetryAt, FailureReason error, JobLease lease,
                Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt, long version) {
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
        if ((status == JobStatus.RUNNING) != (lease != null)) {
            throw new IllegalArgumentException("a lease is present exactly while a job is running");
        }
        if (status.isFinal() != (finishedAt != null)) {
            throw new IllegalArgumentException("finishedAt is present exactly when a job is final");
        }
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        this.expectedSha256 = expectedSha256;
        this.nextRetryAt = nextRetryAt;
        this.error = error;
        this.lease = lease;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.version = version;
    }

    /** A new job, waiting for its first attempt, with no digest to check the content against. */
    public static Job queue(JobId id, ArtifactId artifactId, SpaceId spaceId, JobKind kind, int maxAttempts, Instant now) {
        return queue(id, artifactId, spaceId, kind, maxAttempts, Optional.empty(), now);
    }

    /**
     * A new job, waiting for its first attempt.
     *
     * @param expectedSha256 the digest the requester declared for the content, if any: kept with the job so
     *                       that a re-driven request still checks the bytes against it
     */
    public static Job queue(JobId id, ArtifactId artifactId, SpaceId spaceId, JobKind kind, int maxAttempts,
                            Optional<Sha256> expectedSha256, Instant now) {
        return new Job(id, artifactId, spaceId, kind, JobStatus.QUEUED, 0, maxAttempts,
                Objects.requireNonNull(expectedSha256, "expectedSha256").orElse(null), null, null, null,
                now, null, null, now, 0);
    }

    /** Rebuilds a job from storage; checks the invariants but no transition rule. */
    public static Job restore(JobId id, ArtifactId artifactId, SpaceId spaceId, JobKind kind, JobStatus status,
                              int attempt, int maxAttempts, Sha256 expectedSha256, Instant nextRetryAt,
                              FailureReason error, JobLease lease, Instant createdAt, Instant startedAt,
                              Instant finishedAt, Instant updatedAt, long version) {
        return new Job(id, artifactId, spaceId, kind, status, attempt, maxAttempts, expectedSha256, nextRetryAt,
                error, lease, createdAt, startedAt, finishedAt, updatedAt, version);
    }

    /**
     * Begins the next attempt under a lease of {@code worker} until {@code leaseUntil}. Refused when every
     * attempt has been used.
     */
    public Job start(Instant now, String worker, Instant leaseUntil) {
        check(JobStatus.RUNNING);
        if (!hasAttemptsLeft()) {
            throw new IllegalTransitionException("job", id, status, JobStatus.RUNNING);
        }
        JobLease newLease = new JobLease(worker, leaseUntil);
        if (!leaseUntil.isAfter(now)) {
            throw new IllegalArgumentException("a lease must end after it begins");
        }
        return new Job(id, artifactId, spaceId, kind, JobStatus.RUNNING, attempt + 1, maxAttempts, expectedSha256,
                null, null, newLease, createdAt, now, null, later(now), version);
    }

    /**
     * Extends the lease of the worker running this job. Only that worker may, and only while the job
     * runs; a lease never shrinks. Not a state change: {@code updatedAt} stays as it is.
     *
     * @throws LeaseNotHeldException if the job is not running under a lease of {@code worker}
     */
    public Job renewLease(String worker, Instant until) {
        if (!isHeldBy(worker)) {
            throw new LeaseNotHeldException(id, worker);
        }
        Instant expiresAt = until.isAfter(lease.expiresAt()) ? until : lease.expiresAt();
        return new Job(id, artifactId, spaceId, kind, status, attempt, maxAttempts, expectedSha256, nextRetryAt,
                error, new JobLease(worker, expiresAt), createdAt, startedAt, finishedAt, updatedAt, version);
    }

    public Job succeed(Instant now) {
        check(JobStatus.SUCCEEDED);
        return new Job(id, artifactId, spaceId, kind, JobStatus.SUCCEEDED, attempt, maxAttempts, expectedSha256,
                null, null, null, createdAt, startedAt, later(now), later(now), version);
    }

    public Job fail(FailureReason reason, Instant now) {
        check(JobStatus.FAILED);
        return new Job(id, artifactId, spaceId, kind, JobStatus.FAILED, attempt, maxAttempts, expectedSha256, null,
                Objects.requireNonNull(reason, "reason"), null, createdAt, startedAt, later(now), later(now), version);
    }

    /** Cancels a job that has not finished, because its artifact was deleted ({@code artifact_deleted}). */
    public Job cancel(Instant now) {
        check(JobStatus.CANCELED);
        return new Job(id, artifactId, spaceId, kind, JobStatus.CANCELED, attempt, maxAttempts, expectedSha256, null,
                new FailureReason(ARTIFACT_DELETED, "the artifact was deleted before this job finished"), null,
                createdAt, startedAt, later(now), later(now), version);
    }

    /**
     * Fails a running job whose last attempt failed transiently and that has no attempt left, with
     * {@code attempts_exhausted} naming that last error.
     */
    public Job giveUp(FailureReason lastError, Instant now) {
        Objects.requireNonNull(lastError, "lastError");
        return fail(new FailureReason(ATTEMPTS_EXHAUSTED,
                "gave up after " + attempt + " attempts; last error: " + lastError.code()), now);
    }

    /** Puts a running job back in the queue after a transient failure. Refused when no attempt is left. */
    public Job retryAt(Instant retryAt, FailureReason reason, Instant now) {
        check(JobStatus.QUEUED);
        if (!hasAttemptsLeft()) {
            throw new IllegalTransitionException("job", id, status, JobStatus.QUEUED);
        }
        return new Job(id, artifactId, spaceId, kind, JobStatus.QUEUED, attempt, maxAttempts, expectedSha256,
                Objects.requireNonNull(retryAt, "retryAt"), Objects.requireNonNull(reason, "reason"), null,
                createdAt, startedAt, null, later(now), version);
    }

    /**
     * Takes a running job back from a worker that stopped renewing its lease. The lost attempt counts as a
     * transient failure ({@code lease_expired}): the job is queued again for {@code retryAt} when it has an
     * attempt left, and fails with {@code attempts_exhausted} otherwise.
     *
     * @throws LeaseNotExpiredException if the lease still holds at {@code now}
     */
    public Job expireLease(Instant retryAt, Instant now) {
        if (status != JobStatus.RUNNING) {
            throw new IllegalTransitionException("job", id, status, JobStatus.QUEUED);
        }
        if (!lease.hasExpired(now)) {
            throw new LeaseNotExpiredException(id, lease.expiresAt());
        }
        FailureReason lost = new FailureReason(LEASE_EXPIRED, "worker " + lease.owner()
                + " stopped renewing its lease, which expired at " + lease.expiresAt());
        return hasAttemptsLeft() ? retryAt(retryAt, lost, now) : giveUp(lost, now);
    }

    /**
     * Marks a queued job whose request is being sent again: its retry time is used up and its
     * {@code updatedAt} moves to {@code now}, so it is not re-driven again before its request had time to
     * arrive. The error of its last attempt stays.
     *
     * @throws JobNotDueException if the job is not {@linkplain #isDueForRedrive due}
     */
    public Job redrive(Instant now, Instant queuedStaleBefore) {
        if (status != JobStatus.QUEUED) {
            throw new IllegalTransitionException("job", id, status, JobStatus.QUEUED);
        }
        if (!isDueForRedrive(now, queuedStaleBefore)) {
            throw new JobNotDueException(id);
        }
        return new Job(id, artifactId, spaceId, kind, JobStatus.QUEUED, attempt, maxAttempts, expectedSha256, null,
                error, null, createdAt, startedAt, null, later(now), version);
    }

    /**
     * Whether the job needs attention from the sweeper at {@code now}: queued and its retry time came;
     * queued with no retry time and untouched since {@code queuedStaleBefore} (its request was lost, or
     * the worker handling it stopped before it claimed the job); or running under an expired lease.
     */
    public boolean isDueForRedrive(Instant now, Instant queuedStaleBefore) {
        return switch (status) {
            case QUEUED -> nextRetryAt != null ? !nextRetryAt.isAfter(now) : !updatedAt.isAfter(queuedStaleBefore);
            case RUNNING -> hasExpiredLease(now);
            case SUCCEEDED, FAILED, CANCELED -> false;
        };
    }

    /** Whether the job is queued with a retry time still ahead of {@code now}. */
    public boolean isWaitingForRetry(Instant now) {
        return status == JobStatus.QUEUED && nextRetryAt != null && nextRetryAt.isAfter(now);
    }

    public boolean isHeldBy(String worker) {
        return lease != null && lease.isHeldBy(worker);
    }

    public boolean hasExpiredLease(Instant now) {
        return lease != null && lease.hasExpired(now);
    }

    public boolean hasAttemptsLeft() {
        return attempt < maxAttempts;
    }

    /**
     * The request that asks a worker to run this job, rebuilt from the job alone: the content is staged
     * under the artifact's own key, derived from the IDs, and the declared digest is kept with the job.
     */
    public GenerationRequest generationRequest(Instant requestedAt) {
        return new GenerationRequest(id, artifactId, spaceId, ObjectKey.contentOf(spaceId, artifactId),
                expectedSha256(), requestedAt);
    }

    /** This job as it was when it was accepted: what an idempotent replay shows. */
    public Job asQueued() {
        return new Job(id, artifactId, spaceId, kind, JobStatus.QUEUED, 0, maxAttempts, expectedSha256, null, null,
                null, createdAt, null, null, createdAt, 0);
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
    /** The digest the requester declared for the content, if any. */
    public Optional<Sha256> expectedSha256() { return Optional.ofNullable(expectedSha256); }
    public Optional<Instant> nextRetryAt() { return Optional.ofNullable(nextRetryAt); }
    public Optional<FailureReason> error() { return Optional.ofNullable(error); }
    public Optional<JobLease> lease() { return Optional.ofNullable(lease); }
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
