package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes the rows of rate-limit buckets that have been full (idle) for a while; a key's row comes back on its
 * next call. Every replica runs it; the delete skips rows another replica holds.
 */
@ApplicationScoped
public class RateLimitBucketPurge {

    private static final Logger LOG = Logger.getLogger(RateLimitBucketPurge.class);
    private static final int BATCH = 1000;
    private static final int MAX_BATCHES = 100;

    private final RateLimiter limiter;
    private final boolean enabled;

    RateLimitBucketPurge(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.enabled = config.enabled();
    }

    @Scheduled(identity = "rate-limit-bucket-purge", every = "${artifacts.rate-limit.purge-every:10m}",
            delayed = "45s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!enabled) {
            return;
        }
        try {
            int total = 0;
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int removed = limiter.removeExpired(BATCH);
                total += removed;
                if (removed < BATCH) {
                    break;
                }
            }
            LOG.debugf("purged %d idle rate-limit buckets", total);
        } catch (RuntimeException e) {
            LOG.warnf("rate-limit bucket purge failed (%s); trying again at the next run", e.getMessage());
        }
    }
}
