package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.RenewJobLeasesUseCase;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Extends the lease of every job this worker runs (the {@linkplain HeldJobs#leasedJobs leased} ones), each
 * in a short transaction of its own. A job whose lease is not this worker's any more is reported lost.
 */
public final class RenewJobLeasesService implements RenewJobLeasesUseCase {

    private final JobRepository jobs;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final LeaseTerms lease;
    private final HeldJobs held;

    public RenewJobLeasesService(JobRepository jobs, UnitOfWork unitOfWork, Clock clock, LeaseTerms lease,
                                 HeldJobs held) {
        this.jobs = jobs;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.lease = lease;
        this.held = held;
    }

    @Override
    public Renewal renewHeldLeases() {
        int renewed = 0;
        List<JobId> lost = new ArrayList<>();
        for (JobId job : held.leasedJobs()) {
            Instant until = lease.until(clock.now());
            if (unitOfWork.inTransaction(() -> jobs.renewLease(job, lease.worker(), until))) {
                renewed++;
            } else if (held.isHeld(job)) {
                lost.add(job);
            }
        }
        return new Renewal(renewed, lost);
    }
}
