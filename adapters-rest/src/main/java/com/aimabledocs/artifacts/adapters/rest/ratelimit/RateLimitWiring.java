package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Builds the {@link RateLimiter} over the service's data source. Its configuration version is the time this
 * replica loaded its configuration, so after a change of limits the most recently started replica's limits
 * replace those stored in the buckets.
 */
@ApplicationScoped
public class RateLimitWiring {

    @Produces
    @Singleton
    RateLimiter rateLimiter(DataSource dataSource, RateLimitConfig config) {
        return RateLimiter.of(dataSource, config, System.currentTimeMillis());
    }
}
