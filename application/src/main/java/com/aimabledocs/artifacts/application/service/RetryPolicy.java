package com.aimabledocs.artifacts.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: attempt n waits a random time in
 * {@code [0, min(cap, base * 2^(n-1))]}, so retries of many jobs spread out instead of arriving together.
 */
public record RetryPolicy(Duration base, Duration cap, DoubleSupplier random) {

    public RetryPolicy {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
    }

    public Instant nextAttemptAt(int attemptJustFailed, Instant now) {
        int doublings = Math.min(Math.max(attemptJustFailed - 1, 0), 30);
        long ceilingMillis = Math.min(cap.toMillis(), base.toMillis() << doublings);
        long delay = Math.round(random.getAsDouble() * ceilingMillis);
        return now.plusMillis(Math.max(delay, 1));
    }
}
