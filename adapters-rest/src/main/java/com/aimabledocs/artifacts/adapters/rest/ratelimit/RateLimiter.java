package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Token buckets per API key, kept in PostgreSQL (table {@code rate_limit_buckets}) through Bucket4j, so every
 * API replica counts against the same bucket: each consumption is one short transaction that locks the key's
 * row ({@code SELECT … FOR UPDATE}), refills, takes a token and writes the state back.
 *
 * <p>A bucket remembers the configuration it was created with. When the configured limits change, the new
 * ones replace the stored ones through Bucket4j's configuration versioning: every limiter has a version (the
 * time its configuration was loaded, so the most recently started replica wins) and a bucket whose stored
 * version is older is reconfigured on its next use, keeping the tokens it had (capped at the new burst).
 * A limiter with an older version uses what is stored, so replicas agree on one configuration per bucket.
 *
 * <p>Each key's bucket proxy is kept and built with Bucket4j's batching optimisation: requests of one key
 * that arrive while its row is being updated are combined into the next single transaction instead of each
 * waiting for the row lock and a commit of its own. The count stays exact (no local token accounting).
 *
 * <p>Its transactions commit asynchronously ({@link AsynchronousCommitDataSource}: {@code SET LOCAL
 * synchronous_commit = off}): the row lock is released without waiting for the WAL flush, at the price of
 * forgetting the last fraction of a second of consumptions if PostgreSQL crashes.
 */
public final class RateLimiter {

    static final String TABLE = "rate_limit_buckets";
    private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final RateLimitPolicy defaults;
    private final Map<String, RateLimitPolicy> spaces;
    private final long configurationVersion;
    private final ConcurrentMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();
    /** Proxies kept at most: beyond it the map starts over (a proxy holds no state of its own). */
    private static final int MAX_PROXIES = 100_000;

    public RateLimiter(DataSource dataSource, RateLimitPolicy defaults, Map<String, RateLimitPolicy> spaces,
                       long configurationVersion) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(new AsynchronousCommitDataSource(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .build();
        this.defaults = Objects.requireNonNull(defaults);
        Map<String, RateLimitPolicy> normalized = new HashMap<>();
        spaces.forEach((space, policy) -> normalized.put(normalizeSpaceId(space), policy));
        this.spaces = Map.copyOf(normalized);
        this.configurationVersion = configurationVersion;
    }

    /** Builds the limiter that {@code config} describes; {@code configurationVersion} must grow with each change. */
    public static RateLimiter of(DataSource dataSource, RateLimitConfig config, long configurationVersion) {
        RateLimitPolicy defaults = new RateLimitPolicy(config.requestsPerMinute(),
                config.burst().orElse(config.requestsPerMinute()));
        Map<String, RateLimitPolicy> spaces = new HashMap<>();
        config.spaces().forEach((space, limits) -> spaces.put(space,
                new RateLimitPolicy(limits.requestsPerMinute(), limits.burst().orElse(limits.requestsPerMinute()))));
        return new RateLimiter(dataSource, defaults, spaces, configurationVersion);
    }

    /** The policy for keys of {@code spaceId}: the space's own, else the default. */
    public RateLimitPolicy policyFor(String spaceId) {
        return spaces.getOrDefault(spaceId.toLowerCase(Locale.ROOT), defaults);
    }

    /**
     * Takes one token from the bucket of {@code keyId} (a key of {@code spaceId}).
     *
     * @throws RuntimeException when the database cannot be reached (Bucket4j wraps the SQL failure)
     */
    public Decision tryConsume(String keyId, String spaceId) {
        RateLimitPolicy policy = policyFor(spaceId);
        if (proxies.size() > MAX_PROXIES) {
            proxies.clear();
        }
        ConsumptionProbe probe = proxies.computeIfAbsent(keyId, key -> buckets.builder()
                        .withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.AS_IS)
                        .withOptimization(Optimizations.batching())
                        .build(key, policy::toBucketConfiguration))
                .tryConsumeAndReturnRemaining(1);
        return new Decision(policy, probe.isConsumed(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Deletes up to {@code batchSize} rows of buckets that have been full for a while; returns how many. */
    public int removeExpired(int batchSize) {
        return ((ExpiredEntriesCleaner) buckets).removeExpired(batchSize);
    }

    private static long seconds(long nanos) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return (Math.max(0, nanos) + second - 1) / second;
    }

    private static String normalizeSpaceId(String spaceId) {
        try {
            return UUID.fromString(spaceId.replace("\"", "").trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("artifacts.rate-limit.spaces: \"" + spaceId + "\" is not a space ID (UUID)");
        }
    }

    /**
     * The outcome of one request: allowed or not, the tokens left, seconds until the bucket is full again
     * ({@code t} of the RateLimit field) and, when refused, seconds until the next token (Retry-After).
     */
    public record Decision(RateLimitPolicy policy, boolean allowed, long remaining, long resetSeconds,
                           long retryAfterSeconds) {

        /** The {@code RateLimit} field value, e.g. {@code "default";r=599;t=1}. */
        public String rateLimitField() {
            return "\"" + RateLimitPolicy.NAME + "\";r=" + remaining + ";t=" + resetSeconds;
        }

        public String policyField() {
            return policy.policyField();
        }
    }
}
