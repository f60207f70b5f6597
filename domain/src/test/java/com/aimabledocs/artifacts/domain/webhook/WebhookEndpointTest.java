package com.aimabledocs.artifacts.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");
    private static final Duration FIVE_DAYS = Duration.ofDays(5);

    @Test
    void aRotatedSecretSignsBesideTheNewOneUntilTheOverlapEnds() {
        WebhookEndpoint endpoint = WebhookDeliveryTest.newEndpoint();
        WebhookSecret next = WebhookSecret.generate(new SecureRandom());
        WebhookEndpoint rotated = endpoint.rotateSecret(next, T0, Duration.ofHours(24));

        assertThat(rotated.signingSecrets(T0.plusSeconds(3600))).containsExactly(next, endpoint.secret());
        assertThat(rotated.signingSecrets(T0.plus(Duration.ofHours(24)))).containsExactly(next);
    }

    @Test
    void failuresDisableAfterTheLimitAndASuccessForgetsThem() {
        WebhookEndpoint endpoint = WebhookDeliveryTest.newEndpoint();
        WebhookEndpoint failing = endpoint.deliveryFailed(T0, FIVE_DAYS);
        assertThat(failing.failingSince()).contains(T0);
        assertThat(failing.enabled()).isTrue();
        assertThat(failing.deliveryFailed(T0.plus(FIVE_DAYS).minusSeconds(1), FIVE_DAYS).enabled()).isTrue();

        WebhookEndpoint disabled = failing.deliveryFailed(T0.plus(FIVE_DAYS), FIVE_DAYS);
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabled().orElseThrow().reason()).isEqualTo(WebhookEndpoint.DisabledReason.FAILING);

        assertThat(failing.deliverySucceeded(T0.plusSeconds(1)).failingSince()).isEmpty();
    }

    @Test
    void goneDisablesAtOnceAndEnablingForgetsEverything() {
        WebhookEndpoint gone = WebhookDeliveryTest.newEndpoint().deliveryFailed(T0, FIVE_DAYS).gone(T0);
        assertThat(gone.disabled().orElseThrow().reason()).isEqualTo(WebhookEndpoint.DisabledReason.GONE);
        assertThat(gone.receives(WebhookEventType.subscribable("artifact.ready"))).isFalse();

        WebhookEndpoint enabled = gone.change(new WebhookEndpoint.Changes(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true)), T0.plusSeconds(1));
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.failingSince()).isEmpty();
        assertThat(enabled.receives(WebhookEventType.subscribable("artifact.ready"))).isTrue();
    }

    @Test
    void typesAreKnownSubscribableAndAtLeastOne() {
        assertThatThrownBy(() -> WebhookEventType.subscribable("artifact.exploded"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("artifact.ready");
        assertThatThrownBy(() -> WebhookEventType.subscribable("webhook.test")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> WebhookEndpoint.requireTypes(Set.of())).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void urlsAreAbsoluteWithAHostAndNoCredentials() {
        assertThat(WebhookUrl.parse("https://hooks.example.com:8443/in?x=1").host()).isEqualTo("hooks.example.com");
        assertThat(WebhookUrl.parse("https://[::1]/in").host()).isEqualTo("::1");
        for (String bad : List.of("", "hooks.example.com/in", "ftp://example.com/", "https://user:pw@example.com/",
                "https://example.com/#frag", "https:///nohost", "https://exa mple.com/")) {
            assertThatThrownBy(() -> WebhookUrl.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }
}
