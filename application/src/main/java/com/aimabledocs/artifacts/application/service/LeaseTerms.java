package com.aimabledocs.artifacts.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The leases one worker takes on the jobs it runs.
 *
 * @param worker   this worker instance's identity, unique per process (a restarted worker is another one)
 * @param duration how long a lease holds without renewal; renewals come every third of it, so a worker
 *                 must miss two in a row before its jobs are taken back
 */
public record LeaseTerms(String worker, Duration duration) {

    public LeaseTerms {
        Objects.requireNonNull(worker, "worker");
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive time");
        }
    }

    public Instant until(Instant now) {
        return now.plus(duration);
    }

    /** How often to renew: a third of the lease. */
    public Duration renewEvery() {
        return duration.dividedBy(3);
    }
}
