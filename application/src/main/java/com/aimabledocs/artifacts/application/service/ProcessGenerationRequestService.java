package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs a generation job in three steps, each safe to repeat: claim (job running under this worker's
 * lease, artifact processing) in one transaction; read the bytes staged under the artifact's permanent
 * key, hashing them and detecting their media type on the way; finish (job succeeded, artifact ready) in a
 * second transaction, only while the lease is still this worker's. The permanent key depends only on the
 * space and artifact, so a repeated run reads the same object again; the artifact's status, not the
 * object's presence, makes the bytes downloadable.
 *
 * <p>A transient failure (object store or database unreachable) queues the job again with a retry time
 * from the {@link RetryPolicy}, or fails it as {@code attempts_exhausted} on its last attempt; a permanent
 * one ({@code content_sha256_mismatch}, {@code staged_content_missing}) fails it at once. This service
 * never waits for a retry: the sweeper sends the request again when the time comes.
 */
public final class ProcessGenerationRequestService implements ProcessGenerationRequestUseCase {

    private final ArtifactRepository artifacts;
    private final SpaceRepository spaces;
    private final JobRepository jobs;
    private final ObjectStore objects;
    private final StagedContentReader reader;
    private final LifecycleEventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final LeaseTerms lease;
    private final HeldJobs held;

    public ProcessGenerationRequestService(ArtifactRepository artifacts, SpaceRepository spaces, JobRepository jobs,
                                           ObjectStore objects, MediaTypeDetector detector,
                                           LifecycleEventPublisher events, UnitOfWork unitOfWork, Clock clock,
                                           RetryPolicy retryPolicy, LeaseTerms lease, HeldJobs held) {
        this.artifacts = artifacts;
        this.spaces = spaces;
        this.jobs = jobs;
        this.objects = objects;
        this.reader = new StagedContentReader(objects, detector);
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
        this.lease = lease;
        this.held = held;
    }

    @Override
    public Outcome process(GenerationRequest request) {
        if (!held.tryHold(request.jobId())) {
            // Another thread of this process is on it (rare: a redelivery racing the first delivery).
            return unitOfWork.inTransaction(() -> findJob(request))
                    .<Outcome>map(job -> job.status().isFinal() ? new AlreadyFinished(job) : new LeaseHeldElsewhere(job))
                    .orElseGet(UnknownJob::new);
        }
        Outcome outcome;
        try {
            outcome = claimAndRun(request);
        } finally {
            held.release(request.jobId());
        }
        if (outcome instanceof Finished finished && finished.job().status() != JobStatus.SUCCEEDED) {
            discardStaged(request);
        }
        return outcome;
    }

    /** The request's job, if it exists and belongs to the request's artifact and space. */
    private Optional<Job> findJob(GenerationRequest request) {
        return jobs.findById(request.jobId())
                .filter(job -> job.artifactId().equals(request.artifactId()) && job.spaceId().equals(request.spaceId()));
    }

    private Outcome claimAndRun(GenerationRequest request) {
        Claim claim = unitOfWork.inTransaction(() -> claim(request));
        if (claim.refusal() != null) {
            return claim.refusal();
        }
        held.leased(request.jobId());
        StoredContent stored;
        try {
            stored = reader.read(request, claim.artifact(), claim.policy());
        } catch (StagedContentReader.Rejected rejected) {
            return unitOfWork.inTransaction(() -> fail(request, rejected.reason()));
        } catch (UnavailableException transientFailure) {
            return unitOfWork.inTransaction(() -> retryOrFail(request,
                    new FailureReason(transientFailure.code(), transientFailure.getMessage())));
        }
        return unitOfWork.inTransaction(() -> succeed(request, stored));
    }

    /**
     * Removes the staged bytes once this call made the job final without success: no ready artifact will
     * serve them. Best effort: the job's outcome is already committed, and an object left behind costs
     * only storage.
     */
    private void discardStaged(GenerationRequest request) {
        try {
            objects.delete(request.stagedContent());
        } catch (RuntimeException leftBehind) {
            // nothing to undo; see above
        }
    }

    /** Either the job to work on (running under this worker's lease) and its artifact, or why not. */
    private record Claim(Job job, Artifact artifact, MediaTypePolicy policy, Outcome refusal) {
    }

    /**
     * Moves the job to running under this worker's lease and the artifact to processing. A job this worker
     * holds already is resumed as it is; a job another worker holds is left to it, even when its lease ran
     * out (taking it back is the sweeper's work, which counts the lost attempt); a job waiting for its retry
     * time keeps waiting.
     */
    private Claim claim(GenerationRequest request) {
        Instant now = clock.now();
        Optional<Job> known = findJob(request);
        if (known.isEmpty()) {
            return new Claim(null, null, null, new UnknownJob());
        }
        Job job = known.get();
        if (job.status().isFinal()) {
            return new Claim(job, null, null, new AlreadyFinished(job));
        }
        if (job.status() == JobStatus.RUNNING && !job.isHeldBy(lease.worker())) {
            return new Claim(job, null, null, new LeaseHeldElsewhere(job));
        }
        if (job.isWaitingForRetry(now)) {
            return new Claim(job, null, null, new WaitingForRetry(job));
        }
        Artifact artifact = loadArtifact(request);
        if (artifact.isDeleted()) {
            // Deleted after the job was queued: deletion normally cancels the job, this covers a race.
            Job canceled = save(job, job.cancel(now));
            return new Claim(canceled, null, null, new AlreadyFinished(canceled));
        }
        MediaTypePolicy policy = spaces.findById(request.spaceId()).map(Space::mediaTypePolicy)
                .orElse(MediaTypePolicy.DEFAULT);
        if (job.status() == JobStatus.QUEUED) {
            job = save(job, job.start(now, lease.worker(), lease.until(now)));
        }
        if (artifact.status() == ArtifactStatus.PENDING) {
            artifact = save(artifact, artifact.startProcessing(now));
        }
        return new Claim(job, artifact, policy, null);
    }

    /** Records success; if the artifact was deleted meanwhile, the job is canceled instead. */
    private Outcome succeed(GenerationRequest request, StoredContent content) {
        Instant now = clock.now();
        Job current = loadJob(request);
        Outcome notOurs = notOurs(current);
        if (notOurs != null) {
            return notOurs;
        }
        Artifact artifact = loadArtifact(request);
        if (artifact.isDeleted()) {
            return new AlreadyFinished(save(current, current.cancel(now)));
        }
        Job job = save(current, current.succeed(now));
        save(artifact, artifact.markReady(content, now));
        return new Finished(job);
    }

    private Outcome fail(GenerationRequest request, FailureReason reason) {
        Job current = loadJob(request);
        Outcome notOurs = notOurs(current);
        if (notOurs != null) {
            return notOurs;
        }
        return new Finished(recordFailure(request, current, current.fail(reason, clock.now())));
    }

    private Outcome retryOrFail(GenerationRequest request, FailureReason reason) {
        Job current = loadJob(request);
        Outcome notOurs = notOurs(current);
        if (notOurs != null) {
            return notOurs;
        }
        Instant now = clock.now();
        if (!current.hasAttemptsLeft()) {
            return new Finished(recordFailure(request, current, current.giveUp(reason, now)));
        }
        Instant retryAt = retryPolicy.nextAttemptAt(current.attempt(), now);
        Job queued = save(current, current.retryAt(retryAt, reason, now));
        return new RetryScheduled(queued, retryAt);
    }

    private Job recordFailure(GenerationRequest request, Job current, Job failed) {
        Artifact artifact = loadArtifact(request);
        if (artifact.isDeleted()) {
            // The artifact is gone: nothing to fail; the job ends canceled like every job of a deleted artifact.
            return save(current, current.cancel(failed.updatedAt()));
        }
        save(current, failed);
        save(artifact, artifact.markFailed(failed.error().orElseThrow(), failed.updatedAt()));
        return failed;
    }

    /** Stores a job's transition and publishes it, in the caller's transaction. */
    private Job save(Job before, Job after) {
        jobs.update(after);
        events.publish(JobStatusChanged.between(before, after));
        return after;
    }

    /** Stores an artifact's transition and publishes it, in the caller's transaction. */
    private Artifact save(Artifact before, Artifact after) {
        artifacts.update(after);
        events.publish(ArtifactStatusChanged.between(before, after));
        return after;
    }

    /**
     * Why this worker may not record an outcome for the job any more, or null when it still may: a
     * concurrent delivery finished it first, or the lease expired and the job was taken back (it is queued
     * again, or another worker runs it).
     */
    private Outcome notOurs(Job current) {
        if (current.status().isFinal()) {
            return new AlreadyFinished(current);
        }
        if (!current.isHeldBy(lease.worker())) {
            return new LeaseHeldElsewhere(current);
        }
        return null;
    }

    private Job loadJob(GenerationRequest request) {
        return jobs.findById(request.jobId())
                .orElseThrow(() -> new IllegalStateException("job " + request.jobId() + " vanished"));
    }

    private Artifact loadArtifact(GenerationRequest request) {
        return artifacts.findById(request.spaceId(), request.artifactId())
                .orElseThrow(() -> new ArtifactNotFoundException(request.artifactId()));
    }
}
