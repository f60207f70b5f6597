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

    /** How often rows of buckets that have been full (idle) for a while are deleted. */
    @WithDefault("10m")
    Duration purgeEvery();

    interface SpaceLimits {

        long requestsPerMinute();

        OptionalLong burst();
    }
}
