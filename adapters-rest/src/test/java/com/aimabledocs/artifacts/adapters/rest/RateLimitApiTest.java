package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.anonymous;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.adapters.rest.ratelimit.RateLimitPolicy;
import com.aimabledocs.artifacts.adapters.rest.ratelimit.RateLimiter;
import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per API key: one bucket per key in PostgreSQL, shared by every replica (exactly for small limits,
 * within the synchronisation tolerance for large ones); 429 with Retry-After
 * over the limit; the RateLimit-Policy and RateLimit fields on every authenticated answer; per-space limits.
 */
@QuarkusTest
class RateLimitApiTest {

    /** The test configuration gives keys of this space 5 requests a minute (everyone else: a million). */
    static final String LIMITED_SPACE = "0192f3a4-7b1c-7d2e-8f30-00000000a7e5";

    @Inject
    TestFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void givenTwoReplicas_consumingTheSameKey_shareOneCounter() {
        RateLimitPolicy tenAMinute = new RateLimitPolicy(10, 10);
        // Two limiters with proxy managers of their own, as two API replicas have, over the same database.
        RateLimiter replicaA = new RateLimiter(dataSource, tenAMinute, Map.of(), 1);
        RateLimiter replicaB = new RateLimiter(dataSource, tenAMinute, Map.of(), 1);
        String key = UUID.randomUUID().toString();
        String space = UUID.randomUUID().toString();

        assertThat(replicaA.tryConsume(key, space).remaining()).isEqualTo(9);
        assertThat(replicaB.tryConsume(key, space).remaining()).isEqualTo(8);
        assertThat(replicaA.tryConsume(key, space).remaining()).isEqualTo(7);
        for (int i = 0; i < 7; i++) {
            RateLimiter replica = i % 2 == 0 ? replicaB : replicaA;
            assertThat(replica.tryConsume(key, space).allowed()).as("request %d", i + 4).isTrue();
        }
        RateLimiter.Decision refused = replicaB.tryConsume(key, space);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 6L);
        assertThat(replicaA.tryConsume(key, space).allowed()).isFalse();
        // Another key has a bucket of its own.
        assertThat(replicaA.tryConsume(UUID.randomUUID().toString(), space).remaining()).isEqualTo(9);
    }

    @Test
    void givenTwoReplicasWithOnePercentTolerance_aBusyKey_isCountedLocallyWithinTheTolerance() throws Exception {
        // A burst of 1,000 refilled at one a minute (nothing refills meanwhile to speak of): at 1 % each replica
        // may hold 10 tokens the shared bucket has not seen yet.
        RateLimitPolicy thousand = new RateLimitPolicy(1, 1_000);
        RateLimiter.Sync onePercent = new RateLimiter.Sync(0.01, Duration.ofMillis(200));
        assertThat(onePercent.maxUnsynchronizedTokens(thousand.burst())).isEqualTo(10);
        AtomicInteger connections = new AtomicInteger();
        DataSource counted = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        RateLimiter replicaA = new RateLimiter(counted, thousand, Map.of(), 1, onePercent);
        RateLimiter replicaB = new RateLimiter(counted, thousand, Map.of(), 1, onePercent);
        String key = UUID.randomUUID().toString();
        String space = UUID.randomUUID().toString();

        int admitted = 0;
        boolean bothRefused = false;
        for (int round = 0; round < 2_000 && !bothRefused; round++) {
            RateLimiter.Decision a = replicaA.tryConsume(key, space);
            RateLimiter.Decision b = replicaB.tryConsume(key, space);
            admitted += (a.allowed() ? 1 : 0) + (b.allowed() ? 1 : 0);
            bothRefused = !a.allowed() && !b.allowed();
        }
        assertThat(bothRefused).as("both replicas refuse in the end").isTrue();
        System.out.printf("rate-limit tolerance: 2 replicas, burst 1000 at 1 %%: admitted %d, %d transactions%n",
                admitted, connections.get());
        // Never fewer than the burst (a local refusal is one the shared bucket gives too), at most 2 × 10 more.
        assertThat(admitted).isBetween(1_000, 1_000 + 2 * 10);
        // Mostly counted locally: about one transaction per 11 requests per replica, not one per request.
        assertThat(connections.get()).as("transactions for %d requests", admitted).isLessThan(admitted / 4);

        // After sync-every both read the shared bucket, overdrawn or empty: still refused, with a Retry-After.
        Thread.sleep(300);
        for (RateLimiter replica : List.of(replicaA, replicaB, replicaA, replicaB)) {
            RateLimiter.Decision refused = replica.tryConsume(key, space);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.remaining()).isZero();
            assertThat(refused.retryAfterSeconds()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void givenChangedLimits_theNewerConfiguration_replacesTheStoredOne() {
        String key = UUID.randomUUID().toString();
        String space = UUID.randomUUID().toString();
        RateLimiter before = new RateLimiter(dataSource, new RateLimitPolicy(10, 10), Map.of(), 1_000);
        assertThat(before.tryConsume(key, space).remaining()).isEqualTo(9);

        // A replica started later with a lower limit: the bucket takes its configuration, keeping the tokens
        // it had up to the new capacity (9 left, capped at 3, one taken).
        RateLimiter after = new RateLimiter(dataSource, new RateLimitPolicy(3, 3), Map.of(), 2_000);
        assertThat(after.tryConsume(key, space).remaining()).isEqualTo(2);
        // The older replica now counts with the stored, newer limits instead of putting its own back.
        assertThat(before.tryConsume(key, space).remaining()).isEqualTo(1);
        assertThat(after.tryConsume(key, space).remaining()).isZero();
        assertThat(before.tryConsume(key, space).allowed()).isFalse();
    }

    @Test
    void givenPerSpaceOverride_policyFor_usesIt() {
        RateLimiter limiter = new RateLimiter(dataSource, new RateLimitPolicy(600, 600),
                Map.of(LIMITED_SPACE.toUpperCase(), new RateLimitPolicy(5, 10)), 1);
        assertThat(limiter.policyFor(LIMITED_SPACE).policyField()).isEqualTo("\"default\";q=10;w=120");
        assertThat(limiter.policyFor(UUID.randomUUID().toString()).policyField()).isEqualTo("\"default\";q=600;w=60");
    }

    @Test
    void givenKeyOfLimitedSpace_sixthRequestInAMinute_returns429WithRetryAfterAndHeaders() {
        TestFixtures.SpaceKey limited = fixtures.space(LIMITED_SPACE, Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        String path = artifactsPath(LIMITED_SPACE);
        for (int i = 1; i <= 5; i++) {
            Response ok = as(limited.apiKey()).get(path);
            assertThat(ok.statusCode()).as("request %d: %s", i, ok.asString()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"default\";q=5;w=60");
            assertThat(ok.header("RateLimit")).startsWith("\"default\";r=" + (5 - i) + ";t=");
        }
        Response refused = as(limited.apiKey()).header("Origin", "https://app.example.test").get(path);
        assertProblem(refused, 429, "rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 13L);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"default\";q=5;w=60");
        assertThat(refused.header("RateLimit")).matches("\"default\";r=0;t=\\d+");
        // A browser may read the refusal too.
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.test");
        assertThat(refused.header("Access-Control-Expose-Headers")).contains("Retry-After", "RateLimit");

        // Another key of the same space has its own bucket.
        String otherKey = fixtures.newKey(LIMITED_SPACE, Scope.ARTIFACTS_READ);
        assertThat(as(otherKey).get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void givenAuthenticatedCall_everyAnswer_carriesRateLimitFields() {
        Response list = api().get(artifactsPath(bootstrapSpace()));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.header("RateLimit-Policy")).isEqualTo("\"default\";q=1000000;w=60");
        assertThat(list.header("RateLimit")).matches("\"default\";r=\\d+;t=\\d+");

        // Errors after authentication carry them as well.
        Response notFound = api().get(artifactsPath(bootstrapSpace()) + "/" + UUID.randomUUID());
        assertProblem(notFound, 404, "not_found");
        assertThat(notFound.header("RateLimit")).matches("\"default\";r=\\d+;t=\\d+");
        Response badLimit = api().queryParam("limit", "0").get(artifactsPath(bootstrapSpace()));
        assertProblem(badLimit, 400, "invalid_limit");
        assertThat(badLimit.header("RateLimit-Policy")).isNotBlank();

        // An unauthenticated call costs no key anything and says nothing about limits.
        Response anonymousCall = anonymous().get(artifactsPath(bootstrapSpace()));
        assertProblem(anonymousCall, 401, "unauthenticated");
        assertThat(anonymousCall.header("RateLimit")).isNull();
    }
}
