package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * <p>Each key's bucket proxy is kept. How it counts depends on the bucket's burst and the {@link Sync}
 * parameters ({@code artifacts.rate-limit.sync-tolerance} and {@code sync-every}, see {@link RateLimitConfig}):
 * <ul>
 *   <li>When {@code floor(burst × tolerance) >= 1} (at the default 1 %: a burst of 100 or more), Bucket4j's
 *   delaying optimisation: the proxy keeps a copy of the bucket's state from its last synchronisation and
 *   serves requests from it, refilling it locally; it writes what it consumed to the shared row (one
 *   transaction that adds the unsynchronised consumption, runs the current request against the real state and
 *   reads the state back) as soon as the next request would make more than {@code floor(burst × tolerance)}
 *   unsynchronised tokens, or when more than {@code sync-every} has passed since the last synchronisation.
 *   Each replica therefore admits at most {@code floor(burst × tolerance)} requests the shared bucket has not
 *   seen yet: with N replicas a key may get up to {@code N × floor(burst × tolerance)} requests beyond its limit
 *   (6 per replica for the default 600 a minute). The shared bucket is then overdrawn (Bucket4j lets it go
 *   negative) and the key is refused until it has refilled past zero, so the average rate stays exact.
 *   <br>When the local copy has no token left, Bucket4j refuses locally, without a transaction (a refusal
 *   consumes nothing, so it stays within the threshold): the refusal and its Retry-After are computed from the
 *   local copy until the next synchronisation. That is correct: the local copy lacks only the other replicas'
 *   unsynchronised consumption, so it never holds fewer tokens than the shared bucket will; a local refusal is
 *   one the shared bucket would give too, and its Retry-After can only be short by what the other replicas
 *   took meanwhile (the next call after {@code sync-every} reads the real state). Requests to a refused key
 *   thus cost no transaction either. (Bucket4j's separate skip-sync-on-zero optimisation is not used.)</li>
 *   <li>Otherwise (small limits, or a tolerance of 0): Bucket4j's batching optimisation, counting exactly:
 *   every request is run against the shared row; requests of one key that arrive while its row is being
 *   updated are combined into the next single transaction instead of each waiting for the row lock and a
 *   commit of its own.</li>
 * </ul>
 * Unsynchronised consumption (at most {@code floor(burst × tolerance)} tokens per key) is lost when the replica
 * stops or drops its proxies (beyond 100,000 keys): those requests are never charged.
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
    private final Sync sync;
    private final ConcurrentMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();
    /** Proxies kept at most: beyond it the map starts over (a proxy holds no state of its own). */
    private static final int MAX_PROXIES = 100_000;

    /** A limiter with the default synchronisation parameters ({@link Sync#DEFAULT}). */
    public RateLimiter(DataSource dataSource, RateLimitPolicy defaults, Map<String, RateLimitPolicy> spaces,
                       long configurationVersion) {
        this(dataSource, defaults, spaces, configurationVersion, Sync.DEFAULT);
    }

    public RateLimiter(DataSource dataSource, RateLimitPolicy defaults, Map<String, RateLimitPolicy> spaces,
                       long configurationVersion, Sync sync) {
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
        this.sync = Objects.requireNonNull(sync);
    }

    /** Builds the limiter that {@code config} describes; {@code configurationVersion} must grow with each change. */
    public static RateLimiter of(DataSource dataSource, RateLimitConfig config, long configurationVersion) {
        RateLimitPolicy defaults = new RateLimitPolicy(config.requestsPerMinute(),
                config.burst().orElse(config.requestsPerMinute()));
        Map<String, RateLimitPolicy> spaces = new HashMap<>();
        config.spaces().forEach((space, limits) -> spaces.put(space,
                new RateLimitPolicy(limits.requestsPerMinute(), limits.burst().orElse(limits.requestsPerMinute()))));
        return new RateLimiter(dataSource, defaults, spaces, configurationVersion,
                new Sync(config.syncTolerance(), config.syncEvery()));
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
                        .withOptimization(sync.optimizationFor(policy))
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
     * How far a replica may count on its own: up to {@code floor(burst × tolerance)} tokens of a key's bucket
     * without synchronising with the shared row, and for no longer than {@code every}. A tolerance of 0, or one
     * that leaves less than one token, counts exactly.
     */
    public record Sync(double tolerance, Duration every) {

        /** 1 % of the burst, synchronised at least every 200 ms. */
        public static final Sync DEFAULT = new Sync(0.01, Duration.ofMillis(200));

        /** Every request runs against the shared row. */
        public static final Sync EXACT = new Sync(0, Duration.ofMillis(200));

        public Sync {
            if (!(tolerance >= 0 && tolerance <= 1)) {
                throw new IllegalArgumentException(
                        "artifacts.rate-limit.sync-tolerance must be between 0 and 1 (a fraction of the burst), not "
                                + tolerance);
            }
            Objects.requireNonNull(every, "every");
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("artifacts.rate-limit.sync-every must be positive, not " + every);
            }
        }

        /** {@code floor(burst × tolerance)}, in decimal arithmetic (so 1 % of 100 is exactly 1). */
        public long maxUnsynchronizedTokens(long burst) {
            return BigDecimal.valueOf(tolerance).multiply(BigDecimal.valueOf(burst))
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
        }

        Optimization optimizationFor(RateLimitPolicy policy) {
            long tokens = maxUnsynchronizedTokens(policy.burst());
            return tokens < 1 ? Optimizations.batching() : Optimizations.delaying(new DelayParameters(tokens, every));
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
