package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** A queued job was to be re-driven before its retry time, or while its request may still be on its way. */
public final class JobNotDueException extends DomainException {

    public JobNotDueException(JobId job) {
        super("job_not_due", "job %s is not due for a re-drive yet".formatted(job));
    }
}
