package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Rate limits per API key. Each key has a token bucket of {@code burst} tokens (default: one minute's worth)
 * refilled at {@code requests-per-minute}; a space may have limits of its own, which then apply to every key
 * of that space.
 *
 * <p>Consistency across replicas: a busy key's requests are counted locally on each replica and synchronised
 * with the shared bucket in PostgreSQL (Bucket4j's delaying optimisation, see {@link RateLimiter}). Each replica
 * may admit at most {@code floor(burst × sync-tolerance)} requests that the shared bucket has not seen yet, and
 * synchronises at the latest on the first request after {@code sync-every}. With N replicas a key may thus get up
 * to {@code N × floor(burst × sync-tolerance)} requests beyond its limit before the shared bucket refuses it (it
 * is then overdrawn and refills past zero first, so the average rate stays exact); for the default 600 a minute,
 * 6 per replica. When {@code floor(burst × sync-tolerance) < 1} (a burst under 100 at the default 1 %, or a
 * tolerance of 0), every request runs against the shared bucket and the count is exact.
 */
@ConfigMapping(prefix = "artifacts.rate-limit")
public interface RateLimitConfig {

    /** Off turns the limiter and its headers off altogether (no database access either). */
    @WithDefault("true")
    boolean enabled();

    /** Requests per minute a key may make, on average. */
    @WithDefault("600")
    long requestsPerMinute();

    /** Bucket capacity: how many requests a key may make at once after being idle. Default: requests-per-minute. */
    OptionalLong burst();

    /** Limits of particular spaces, by space ID: {@code artifacts.rate-limit.spaces."<space-id>".requests-per-minute}. */
    Map<String, SpaceLimits> spaces();

    /**
     * Fraction of a bucket's burst each replica may consume without synchronising with the shared bucket:
     * {@code floor(burst × sync-tolerance)} tokens, 0 to 1. Default 1 %: 6 requests of the default 600, a
     * million-a-minute key 10,000. 0 counts every request in the database, exactly.
     */
    @WithDefault("0.01")
    double syncTolerance();

    /**
     * Longest time a replica counts a key locally: its first request after this synchronises with the shared
     * bucket, so other replicas' consumption is seen this late at most (plus their own delay). 200 ms is below the
     * one-second resolution of the {@code RateLimit} and {@code Retry-After} fields, and caps a busy key at
     * about five transactions a second per replica, whatever its request rate.
     */
    @WithDefault("200ms")
    Duration syncEvery();

    /** How often rows of buckets that have been full (idle) for a while are deleted. */
    @WithDefault("10m")
    Duration purgeEvery();

    interface SpaceLimits {

        long requestsPerMinute();

        OptionalLong burst();
    }
}
