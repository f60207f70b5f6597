package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.IllegalTransitionException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
 * {@linkplain #expireLease taken back}, one whose worker stops gracefully is {@linkplain #handBack handed back}
 * by it, and a queued job whose retry time came, or whose request seems
 * lost, is {@linkplain #redrive re-driven} (its request sent again); {@link #isDueForRedrive} says when.
 *
 * <p>Its fields are set by name on {@link JobFields}, never by position: a transition copies this job's fields
 * and changes those it names (the private {@code with}), {@link #restore} sets them all from storage, and both end
 * in the one private constructor, which checks the invariants ({@link JobInvariants}).
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

    private Job(JobFields f) {
        this.id = Objects.requireNonNull(f.id, "id");
        this.artifactId = Objects.requireNonNull(f.artifactId, "artifactId");
        this.spaceId = Objects.requireNonNull(f.spaceId, "spaceId");
        this.kind = Objects.requireNonNull(f.kind, "kind");
        this.status = Objects.requireNonNull(f.status, "status");
        this.createdAt = Objects.requireNonNull(f.createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(f.updatedAt, "updatedAt");
        JobInvariants.check(f);
        this.attempt = f.attempt;
        this.maxAttempts = f.maxAttempts;
        this.expectedSha256 = f.expectedSha256;
        this.nextRetryAt = f.nextRetryAt;
        this.error = f.error;
        this.lease = f.lease;
        this.startedAt = f.startedAt;
        this.finishedAt = f.finishedAt;
        this.version = f.version;
    }

    /**
     * A new job, waiting for its first attempt.
     *
     * @param expectedSha256 the digest the requester declared for the content, if any: kept with the job so
     *                       that a re-driven request still checks the bytes against it
     */
    public static Job queue(JobId id, ArtifactId artifactId, SpaceId spaceId, JobKind kind, int maxAttempts,
                            Optional<Sha256> expectedSha256, Instant now) {
        Sha256 declared = Objects.requireNonNull(expectedSha256, "expectedSha256").orElse(null);
        return new Job(new JobFields().id(id).artifactId(artifactId).spaceId(spaceId).kind(kind)
                .status(JobStatus.QUEUED).attempt(0).maxAttempts(maxAttempts).expectedSha256(declared)
                .createdAt(now).updatedAt(now).version(0));
    }

    /** Rebuilds a job from storage, each field set by name; checks the invariants but no transition rule. */
    public static Job restore(Consumer<JobFields> stored) {
        JobFields fields = new JobFields();
        stored.accept(fields);
        return new Job(fields);
    }

    /** Begins the next attempt under a lease of {@code worker} until {@code leaseUntil}, if an attempt is left. */
    public Job start(Instant now, String worker, Instant leaseUntil) {
        check(JobStatus.RUNNING);
        if (!hasAttemptsLeft()) {
            throw new IllegalTransitionException("job", id, status, JobStatus.RUNNING);
        }
        if (!leaseUntil.isAfter(now)) {
            throw new IllegalArgumentException("a lease must end after it begins");
        }
        return with(f -> f.status(JobStatus.RUNNING).attempt(attempt + 1).nextRetryAt(null).error(null)
                .lease(new JobLease(worker, leaseUntil)).startedAt(now).finishedAt(null).updatedAt(later(now)));
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
        return with(f -> f.lease(new JobLease(worker, expiresAt)));
    }

    public Job succeed(Instant now) {
        check(JobStatus.SUCCEEDED);
        return finish(JobStatus.SUCCEEDED, null, now);
    }

    public Job fail(FailureReason reason, Instant now) {
        check(JobStatus.FAILED);
        return finish(JobStatus.FAILED, Objects.requireNonNull(reason, "reason"), now);
    }

    /** Cancels a job that has not finished, because its artifact was deleted ({@code artifact_deleted}). */
    public Job cancel(Instant now) {
        check(JobStatus.CANCELED);
        return finish(JobStatus.CANCELED,
                new FailureReason(ARTIFACT_DELETED, "the artifact was deleted before this job finished"), now);
    }

    /** Fails a job whose last attempt failed transiently, with {@code attempts_exhausted} naming that error. */
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
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(reason, "reason");
        return with(f -> f.status(JobStatus.QUEUED).nextRetryAt(retryAt).error(reason).lease(null)
                .finishedAt(null).updatedAt(later(now)));
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
     * Gives a running job back to the queue from the worker holding it, which is stopping before it could
     * finish: its lease ends at once and the attempt it began is not counted (it did not fail; nothing of it
     * was recorded), so another worker may start it now, as the same attempt. No retry time: the job is
     * ready at once. The error of an earlier attempt is gone already (each attempt starts without one).
     *
     * @throws LeaseNotHeldException if the job is not running under a lease of {@code worker}
     */
    public Job handBack(String worker, Instant now) {
        if (!isHeldBy(worker)) {
            throw new LeaseNotHeldException(id, worker);
        }
        check(JobStatus.QUEUED);
        return with(f -> f.status(JobStatus.QUEUED).attempt(attempt - 1).nextRetryAt(null).lease(null)
                .finishedAt(null).updatedAt(later(now)));
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
        return with(f -> f.status(JobStatus.QUEUED).nextRetryAt(null).lease(null).finishedAt(null)
                .updatedAt(later(now)));
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

    /** The request that asks a worker to run this job, rebuilt from the job alone (the key derives from the IDs). */
    public GenerationRequest generationRequest(Instant requestedAt) {
        return new GenerationRequest(id, artifactId, spaceId, ObjectKey.contentOf(spaceId, artifactId),
                expectedSha256(), requestedAt);
    }

    /** This job as it was when it was accepted: what an idempotent replay shows. */
    public Job asQueued() {
        return with(f -> f.status(JobStatus.QUEUED).attempt(0).nextRetryAt(null).error(null).lease(null)
                .startedAt(null).finishedAt(null).updatedAt(createdAt).version(0));
    }

    /** Ends the job in {@code finalStatus}: no retry time, no lease, finished and updated at {@code now}. */
    private Job finish(JobStatus finalStatus, FailureReason finalError, Instant now) {
        return with(f -> f.status(finalStatus).nextRetryAt(null).error(finalError).lease(null)
                .finishedAt(later(now)).updatedAt(later(now)));
    }

    /** The one way a transition builds its result: a copy of this job with the named fields changed. */
    private Job with(Consumer<JobFields> changes) {
        JobFields fields = JobFields.copyOf(this);
        changes.accept(fields);
        return new Job(fields);
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

    /** Equal when they are the same job, whatever state each copy is in. */
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
