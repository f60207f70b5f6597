package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** A worker acted on a job as its lease holder, but the job is not running under that worker's lease. */
public final class LeaseNotHeldException extends DomainException {

    public LeaseNotHeldException(JobId job, String worker) {
        super("lease_not_held", "job %s is not running under a lease of %s".formatted(job, worker));
    }
}
