package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.HandBackJobsUseCase;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands back every job this worker still {@linkplain HeldJobs holds} and runs under its lease, each in a
 * transaction of its own: the job {@linkplain Job#handBack handed back} (queued, lease ended, the attempt not
 * counted), its {@code job.queued} event, and its request published again through the
 * {@link GenerationRequestPublisher} (the outbox), so another worker receives it as soon as the change commits.
 *
 * <p>The thread still processing such a job in this worker finds, when it comes to record an outcome, that the
 * lease is not its own any more, and records nothing ({@link ProcessGenerationRequestService}); the job is no
 * longer renewed either. A job that finished while this ran (its outcome committed first: the hand-back then
 * meets a concurrent update and reads it again) is left as it is. A job that cannot be handed back keeps its
 * lease, which expires, and a sweeper takes it back as before: nothing is lost.
 */
public final class HandBackHeldJobsService implements HandBackJobsUseCase {

    /** Reads of one job when its outcome keeps being committed under the hand-back (at most once, in practice). */
    static final int MAX_TRIES = 3;

    private final JobRepository jobs;
    private final GenerationRequestPublisher publisher;
    private final LifecycleEventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final LeaseTerms lease;
    private final HeldJobs held;

    public HandBackHeldJobsService(JobRepository jobs, GenerationRequestPublisher publisher,
                                   LifecycleEventPublisher events, UnitOfWork unitOfWork, Clock clock, LeaseTerms lease,
                                   HeldJobs held) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.lease = lease;
        this.held = held;
    }

    @Override
    public HandBack handBackHeldJobs() {
        List<Job> handedBack = new ArrayList<>();
        List<JobId> notHeld = new ArrayList<>();
        List<JobId> failed = new ArrayList<>();
        for (JobId id : held.snapshot()) {
            try {
                Optional<Job> queued = handBackWithRetries(id);
                if (queued.isPresent()) {
                    held.leaseEnded(id);
                    handedBack.add(queued.get());
                } else {
                    notHeld.add(id);
                }
            } catch (RuntimeException e) {
                // Whatever the cause, the job keeps its lease and is taken back once it expires; the others
                // are still handed back.
                failed.add(id);
            }
        }
        return new HandBack(handedBack, notHeld, failed);
    }

    private Optional<Job> handBackWithRetries(JobId id) {
        for (int tries = 1; ; tries++) {
            try {
                return unitOfWork.inTransaction(() -> handBack(id));
            } catch (ConcurrentUpdateException outcomeCommittedFirst) {
                if (tries >= MAX_TRIES) {
                    throw outcomeCommittedFirst;
                }
            }
        }
    }

    /** The job queued again, or empty when it is not running under this worker's lease. */
    private Optional<Job> handBack(JobId id) {
        Optional<Job> found = jobs.findById(id).filter(job -> job.isHeldBy(lease.worker()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Job running = found.get();
        Instant now = clock.now();
        Job queued = running.handBack(lease.worker(), now);
        jobs.update(queued);
        events.publish(JobStatusChanged.between(running, queued));
        publisher.publish(queued.generationRequest(now));
        return Optional.of(queued);
    }
}
