package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs a generation job in three steps, each safe to repeat: claim (job running, artifact processing) in
 * one transaction; copy the staged bytes to the artifact's permanent key, hashing them on the way; finish
 * (job succeeded, artifact ready) in a second transaction. The permanent key depends only on the space
 * and artifact, so a repeated run overwrites the same object instead of creating another.
 */
public final class ProcessGenerationRequestService implements ProcessGenerationRequestUseCase {

    private static final int DETECTION_HEAD_BYTES = 64 * 1024;

    private final ArtifactRepository artifacts;
    private final JobRepository jobs;
    private final ObjectStore objects;
    private final MediaTypeDetector detector;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final RetryPolicy retryPolicy;

    public ProcessGenerationRequestService(ArtifactRepository artifacts, JobRepository jobs, ObjectStore objects,
                                           MediaTypeDetector detector, UnitOfWork unitOfWork, Clock clock,
                                           RetryPolicy retryPolicy) {
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.objects = objects;
        this.detector = detector;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public Outcome process(GenerationRequest request) {
        Optional<Job> known = unitOfWork.inTransaction(() -> jobs.findById(request.jobId()))
                .filter(job -> job.artifactId().equals(request.artifactId()) && job.spaceId().equals(request.spaceId()));
        if (known.isEmpty()) {
            return new UnknownJob();
        }
        if (known.get().status().isFinal()) {
            return new AlreadyFinished(known.get());
        }
        Claim claim = unitOfWork.inTransaction(() -> claim(request));
        if (claim.job().status().isFinal()) {
            return new AlreadyFinished(claim.job());
        }
        StoredContent content;
        try {
            content = store(request, claim.artifact());
        } catch (PermanentFailure failure) {
            Job failed = unitOfWork.inTransaction(() -> fail(request, failure.reason));
            discardStaged(request);
            return new Finished(failed);
        } catch (UnavailableException transientFailure) {
            Outcome outcome = unitOfWork.inTransaction(() -> retryOrFail(request,
                    new FailureReason(transientFailure.code(), transientFailure.getMessage())));
            if (outcome instanceof Finished) {
                discardStaged(request);
            }
            return outcome;
        }
        Job finished = unitOfWork.inTransaction(() -> succeed(request, content));
        discardStaged(request);
        return new Finished(finished);
    }

    /**
     * Removes the staged bytes once the job is final. Best effort: the job's outcome is already
     * committed, and a staged object left behind costs only storage.
     */
    private void discardStaged(GenerationRequest request) {
        try {
            objects.delete(request.stagedContent());
        } catch (RuntimeException leftBehind) {
            // nothing to undo; see above
        }
    }

    private record Claim(Job job, Artifact artifact) {
    }

    /** Moves the job to running and the artifact to processing; a job already running is resumed as it is. */
    private Claim claim(GenerationRequest request) {
        Instant now = clock.now();
        Job job = loadJob(request);
        Artifact artifact = loadArtifact(request);
        if (job.status().isFinal()) {
            return new Claim(job, artifact);
        }
        if (job.status() == JobStatus.QUEUED) {
            job = job.start(now);
            jobs.update(job);
        }
        if (artifact.status() == ArtifactStatus.PENDING) {
            artifact = artifact.startProcessing(now);
            artifacts.update(artifact);
        }
        return new Claim(job, artifact);
    }

    private StoredContent store(GenerationRequest request, Artifact artifact) {
        ObjectStore.ObjectContent staged = objects.open(request.stagedContent())
                .orElseThrow(() -> new PermanentFailure("staged_content_missing",
                        "the content staged for this job is gone"));
        try (staged) {
            DigestingInputStream digesting = new DigestingInputStream(staged.stream());
            InputStream content = new BufferedInputStream(digesting, DETECTION_HEAD_BYTES);
            MediaType mediaType = artifact.declaredMediaType().orElseGet(() -> detector.detect(content, artifact.name()));
            ObjectKey target = ObjectKey.contentOf(request.spaceId(), request.artifactId());
            objects.put(target, content, staged.length(), mediaType);
            Sha256 sha256 = digesting.sha256();
            if (request.expectedSha256().map(expected -> !expected.equals(sha256)).orElse(false)) {
                objects.delete(target);
                throw new PermanentFailure("content_sha256_mismatch", "content does not match content_sha256");
            }
            return new StoredContent(digesting.count(), sha256, mediaType);
        }
    }

    private Job succeed(GenerationRequest request, StoredContent content) {
        Instant now = clock.now();
        Job current = loadJob(request);
        if (current.status().isFinal()) {
            return current; // a concurrent delivery of the same request finished it first
        }
        Job job = current.succeed(now);
        jobs.update(job);
        artifacts.update(loadArtifact(request).markReady(content, now));
        return job;
    }

    private Job fail(GenerationRequest request, FailureReason reason) {
        Instant now = clock.now();
        Job current = loadJob(request);
        if (current.status().isFinal()) {
            return current;
        }
        Job job = current.fail(reason, now);
        jobs.update(job);
        artifacts.update(loadArtifact(request).markFailed(reason, now));
        return job;
    }

    private Outcome retryOrFail(GenerationRequest request, FailureReason reason) {
        Job job = loadJob(request);
        if (!job.hasAttemptsLeft()) {
            return new Finished(fail(request, new FailureReason("attempts_exhausted",
                    "gave up after " + job.attempt() + " attempts; last error: " + reason.code())));
        }
        Instant now = clock.now();
        Instant retryAt = retryPolicy.nextAttemptAt(job.attempt(), now);
        Job queued = job.retryAt(retryAt, reason, now);
        jobs.update(queued);
        return new RetryScheduled(queued, retryAt);
    }

    private Job loadJob(GenerationRequest request) {
        return jobs.findById(request.jobId())
                .orElseThrow(() -> new IllegalStateException("job " + request.jobId() + " vanished"));
    }

    private Artifact loadArtifact(GenerationRequest request) {
        return artifacts.findById(request.spaceId(), request.artifactId())
                .orElseThrow(() -> new ArtifactNotFoundException(request.artifactId()));
    }

    /** A failure that retrying cannot mend: the job fails at once. */
    private static final class PermanentFailure extends RuntimeException {

        private final FailureReason reason;

        PermanentFailure(String code, String message) {
            super(message, null, false, false);
            this.reason = new FailureReason(code, message);
        }
    }
}
