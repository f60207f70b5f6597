package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tolerance rule: floor(burst × tolerance) unsynchronised tokens per replica, exact below one. */
class RateLimiterSyncTest {

    @Test
    void maxUnsynchronizedTokens_isTheFloorOfBurstTimesTolerance() {
        RateLimiter.Sync onePercent = RateLimiter.Sync.DEFAULT;
        assertThat(onePercent.tolerance()).isEqualTo(0.01);
        assertThat(onePercent.every()).isEqualTo(Duration.ofMillis(200));
        assertThat(onePercent.maxUnsynchronizedTokens(10)).isZero();
        assertThat(onePercent.maxUnsynchronizedTokens(99)).isZero();
        assertThat(onePercent.maxUnsynchronizedTokens(100)).isEqualTo(1);
        assertThat(onePercent.maxUnsynchronizedTokens(600)).isEqualTo(6);
        assertThat(onePercent.maxUnsynchronizedTokens(1_000_000_000)).isEqualTo(10_000_000);
        assertThat(RateLimiter.Sync.EXACT.maxUnsynchronizedTokens(1_000_000_000)).isZero();
    }

    @Test
    void givenOutOfRangeValues_sync_isRefused() {
        assertThatThrownBy(() -> new RateLimiter.Sync(-0.1, Duration.ofMillis(200)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sync-tolerance");
        assertThatThrownBy(() -> new RateLimiter.Sync(1.5, Duration.ofMillis(200)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sync-tolerance");
        assertThatThrownBy(() -> new RateLimiter.Sync(Double.NaN, Duration.ofMillis(200)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter.Sync(0.01, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sync-every");
    }
}
