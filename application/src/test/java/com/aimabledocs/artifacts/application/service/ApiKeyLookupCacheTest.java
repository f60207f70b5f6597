package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ApiKeyLookupCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ApiKeyLookupCache cache = new ApiKeyLookupCache(Duration.ofMillis(500), nanos::get);
    private final ApiKeySecret secret = ApiKeySecret.of("ak_test_0123456789abcdef0123456789abcdef");
    private final ApiKey active = ApiKey.issue(ApiKeyId.of(TestIds.next()), DEFAULT_SPACE, secret,
            Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT);
    private final AtomicInteger loads = new AtomicInteger();

    private Function<String, Optional<ApiKey>> loading(Optional<ApiKey> result) {
        return hash -> {
            loads.incrementAndGet();
            return result;
        };
    }

    @Test
    void givenActiveKey_find_remembersItForTheTtlOnly() {
        assertThat(cache.find(secret.hash(), loading(Optional.of(active)))).contains(active);
        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(cache.find(secret.hash(), loading(Optional.of(active)))).contains(active);
        assertThat(loads).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.find(secret.hash(), loading(Optional.empty()))).isEmpty();
        assertThat(cache.find(secret.hash(), loading(Optional.empty()))).isEmpty();
        assertThat(loads).hasValue(3);
    }

    @Test
    void givenUnknownOrRevokedKey_find_neverRemembersIt() {
        ApiKey revoked = active.revoke(DEFAULT_CREATED_AT.plusSeconds(1));
        cache.find(secret.hash(), loading(Optional.empty()));
        cache.find(secret.hash(), loading(Optional.empty()));
        cache.find(secret.hash(), loading(Optional.of(revoked)));
        cache.find(secret.hash(), loading(Optional.of(revoked)));
        assertThat(loads).hasValue(4);
    }

    @Test
    void invalidate_forgetsTheKeyAndALookUpUnderWayAtThatMoment() {
        cache.find(secret.hash(), loading(Optional.of(active)));
        cache.invalidate(secret.hash());
        cache.find(secret.hash(), loading(Optional.of(active)));
        assertThat(loads).hasValue(2);

        // a look-up that read the key before a revocation committed must not be remembered
        cache.invalidate(secret.hash());
        cache.find(secret.hash(), hash -> {
            loads.incrementAndGet();
            cache.invalidate(hash);
            return Optional.of(active);
        });
        cache.find(secret.hash(), loading(Optional.empty()));
        assertThat(loads).hasValue(4);
    }

    @Test
    void givenZeroTtl_find_alwaysLoads() {
        ApiKeyLookupCache off = new ApiKeyLookupCache(Duration.ZERO, nanos::get);
        off.find(secret.hash(), loading(Optional.of(active)));
        off.find(secret.hash(), loading(Optional.of(active)));
        assertThat(loads).hasValue(2);
        assertThatThrownBy(() -> new ApiKeyLookupCache(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
