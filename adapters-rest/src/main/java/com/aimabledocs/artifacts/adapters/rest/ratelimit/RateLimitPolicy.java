package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * The limit one API key's bucket follows: {@code burst} requests at once, refilled continuously at
 * {@code requestsPerMinute}. Published as the quota policy of draft-ietf-httpapi-ratelimit-headers: a quota
 * of {@code burst} requests per window, the window being the time an empty bucket takes to fill again.
 */
public record RateLimitPolicy(long requestsPerMinute, long burst) {

    /** The policy's name in the RateLimit-Policy and RateLimit fields. */
    public static final String NAME = "default";

    public RateLimitPolicy {
        if (requestsPerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException(
                    "rate limits must be at least 1 (requests-per-minute " + requestsPerMinute + ", burst " + burst + ")");
        }
    }

    BucketConfiguration toBucketConfiguration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(requestsPerMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /** Seconds an empty bucket takes to fill up: 60 when burst equals requests-per-minute. */
    long windowSeconds() {
        return Math.max(1, (burst * 60 + requestsPerMinute - 1) / requestsPerMinute);
    }

    /** The {@code RateLimit-Policy} field value, e.g. {@code "default";q=600;w=60}. */
    public String policyField() {
        return "\"" + NAME + "\";q=" + burst + ";w=" + windowSeconds();
    }
}
