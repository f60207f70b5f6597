package com.aimabledocs.artifacts.adapters.rest;

/** The caller's API key used up its rate limit: 429 {@code rate_limited} with {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super("too many requests for this API key; retry after " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
