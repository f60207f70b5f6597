package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;

/**
 * The rules every {@link Job} obeys, whether rebuilt from storage or made by a transition: attempts within their
 * bounds, an error exactly when the outcome calls for one, a lease exactly while running, a finish time exactly
 * when final. {@link Job}'s constructor applies them to the fields it is built from; the transitions themselves
 * (which status may follow which) stay in {@link Job}.
 */
final class JobInvariants {

    private JobInvariants() {
    }

    /** @throws IllegalArgumentException or {@link InvalidValueException} for fields that break a rule */
    static void check(JobFields f) {
        if (f.maxAttempts < 1 || f.maxAttempts > Job.MAX_ATTEMPTS_LIMIT) {
            throw new InvalidValueException("max_attempts", "max_attempts must be 1 to " + Job.MAX_ATTEMPTS_LIMIT);
        }
        if (f.attempt < 0 || f.attempt > f.maxAttempts) {
            throw new IllegalArgumentException("attempt must be between 0 and maxAttempts");
        }
        if (f.status == JobStatus.FAILED && f.error == null) {
            throw new IllegalArgumentException("a failed job carries its error");
        }
        if (f.status == JobStatus.SUCCEEDED && f.error != null) {
            throw new IllegalArgumentException("a succeeded job carries no error");
        }
        if (f.nextRetryAt != null && f.status != JobStatus.QUEUED) {
            throw new IllegalArgumentException("only a queued job waits for a retry");
        }
        if ((f.status == JobStatus.RUNNING) != (f.lease != null)) {
            throw new IllegalArgumentException("a lease is present exactly while a job is running");
        }
        if (f.status.isFinal() != (f.finishedAt != null)) {
            throw new IllegalArgumentException("finishedAt is present exactly when a job is final");
        }
    }
}
