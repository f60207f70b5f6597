package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.RedriveStaleJobsUseCase;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sweeps in batches, each one transaction: claim the jobs due (skipping those another sweeper claimed),
 * move each one on, and publish the requests to send again through the {@link GenerationRequestPublisher}
 * (the outbox), so a request is sent exactly when its job's change commits.
 *
 * <ul>
 *   <li>a running job whose lease expired is taken back: queued for a retry time from the
 *       {@link RetryPolicy} (a later sweep re-drives it then), or, on its last attempt, failed with its
 *       artifact as {@code attempts_exhausted}; its request is then sent once more so that the worker
 *       receiving it finds the job failed and dead-letters the request, as for any failed job;</li>
 *   <li>a queued job whose retry time came, or that nobody touched for {@code queuedStaleAfter}, is
 *       {@linkplain Job#redrive re-driven}: its request is sent again and it is not due again before
 *       another {@code queuedStaleAfter} passes.</li>
 * </ul>
 */
public final class RedriveStaleJobsService implements RedriveStaleJobsUseCase {

    /** Batches per sweep at most, so one sweep never runs for long; the next sweep takes the rest. */
    static final int MAX_BATCHES = 20;

    private final ArtifactRepository artifacts;
    private final JobRepository jobs;
    private final ObjectStore objects;
    private final GenerationRequestPublisher publisher;
    private final LifecycleEventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final Duration queuedStaleAfter;
    private final int batchSize;

    public RedriveStaleJobsService(ArtifactRepository artifacts, JobRepository jobs, ObjectStore objects,
                                   GenerationRequestPublisher publisher, LifecycleEventPublisher events,
                                   UnitOfWork unitOfWork, Clock clock, RetryPolicy retryPolicy,
                                   Duration queuedStaleAfter, int batchSize) {
        if (queuedStaleAfter.isNegative() || queuedStaleAfter.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("need a positive queuedStaleAfter and batchSize");
        }
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.objects = objects;
        this.publisher = publisher;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
        this.queuedStaleAfter = queuedStaleAfter;
        this.batchSize = batchSize;
    }

    @Override
    public Sweep sweep() {
        List<Job> redriven = new ArrayList<>();
        List<Job> takenBack = new ArrayList<>();
        List<Job> failed = new ArrayList<>();
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Sweep swept = unitOfWork.inTransaction(this::sweepBatch);
            redriven.addAll(swept.redriven());
            takenBack.addAll(swept.takenBack());
            failed.addAll(swept.failed());
            swept.failed().forEach(this::discardStaged);
            if (swept.redriven().size() + swept.takenBack().size() + swept.failed().size() < batchSize) {
                break;
            }
        }
        return new Sweep(redriven, takenBack, failed);
    }

    private Sweep sweepBatch() {
        Instant now = clock.now();
        Instant queuedStaleBefore = now.minus(queuedStaleAfter);
        List<Job> redriven = new ArrayList<>();
        List<Job> takenBack = new ArrayList<>();
        List<Job> failed = new ArrayList<>();
        for (Job job : jobs.claimDueForRedrive(now, queuedStaleBefore, batchSize)) {
            if (job.status() == JobStatus.RUNNING) {
                Job next = job.expireLease(retryPolicy.nextAttemptAt(job.attempt(), now), now);
                jobs.update(next);
                events.publish(JobStatusChanged.between(job, next));
                if (next.status() == JobStatus.FAILED) {
                    failArtifact(next);
                    publisher.publish(next.generationRequest(now));
                    failed.add(next);
                } else {
                    takenBack.add(next);
                }
            } else {
                Job next = job.redrive(now, queuedStaleBefore);   // still queued: nothing to tell
                jobs.update(next);
                publisher.publish(next.generationRequest(now));
                redriven.add(next);
            }
        }
        return new Sweep(redriven, takenBack, failed);
    }

    private void failArtifact(Job failed) {
        artifacts.findById(failed.spaceId(), failed.artifactId())
                .filter(artifact -> !artifact.status().isFinal())
                .ifPresent(artifact -> {
                    Artifact failedArtifact = artifact.markFailed(failed.error().orElseThrow(), failed.updatedAt());
                    artifacts.update(failedArtifact);
                    events.publish(ArtifactStatusChanged.between(artifact, failedArtifact));
                });
    }

    /**
     * Best effort, after the failure committed: the bytes staged under the artifact's key; an object left
     * behind costs only storage.
     */
    private void discardStaged(Job failed) {
        try {
            objects.delete(failed.generationRequest(failed.updatedAt()).stagedContent());
        } catch (RuntimeException leftBehind) {
            // nothing to undo
        }
    }
}
