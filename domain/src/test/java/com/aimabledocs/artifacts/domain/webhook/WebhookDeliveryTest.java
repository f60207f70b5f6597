package com.aimabledocs.artifacts.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");
    private static final RetrySchedule SCHEDULE = RetrySchedule.parse("0s,5s,5m", 0);

    @Test
    void scheduleParsesTheDefaultAndSpansAboutADay() {
        RetrySchedule schedule = RetrySchedule.parse("0s,5s,5m,30m,2h,5h,10h,10h", 0.1);
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        assertThat(schedule.span()).isEqualTo(Duration.parse("PT27H35M5S"));
        assertThat(schedule.nextAttemptAt(8, T0, () -> 0.5)).isEmpty();
        assertThat(schedule.nextAttemptAt(2, T0, () -> 0.0)).contains(T0.plus(Duration.ofMinutes(5)).minusSeconds(30));
        assertThat(schedule.nextAttemptAt(2, T0, () -> 0.5)).contains(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aFailureIsRetriedOnTheScheduleThenTheDeliveryFails() {
        WebhookDelivery delivery = newDelivery();
        delivery = delivery.attempted(answered(delivery, 1, T0, 503), SCHEDULE, () -> 0.5);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.nextAttemptAt()).contains(T0.plusMillis(10).plusSeconds(5));

        delivery = delivery.attempted(failed(delivery, 2, T0.plusSeconds(5)), SCHEDULE, () -> 0.5);
        assertThat(delivery.nextAttemptAt()).contains(T0.plusSeconds(5).plusMillis(10).plus(Duration.ofMinutes(5)));

        delivery = delivery.attempted(answered(delivery, 3, T0.plusSeconds(400), 500), SCHEDULE, () -> 0.5);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.nextAttemptAt()).isEmpty();
        assertThat(delivery.attempts()).isEqualTo(3);
    }

    @Test
    void a2xxSucceedsAnd410FailsAtOnce() {
        WebhookDelivery delivery = newDelivery();
        assertThat(delivery.attempted(answered(delivery, 1, T0, 204), SCHEDULE, () -> 0.5).status())
                .isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(delivery.attempted(answered(delivery, 1, T0, 410), SCHEDULE, () -> 0.5).status())
                .isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.attempted(answered(delivery, 1, T0, 302), SCHEDULE, () -> 0.5).status())
                .isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void aRetryOnRequestIsDueAtOnceAndAbandoningEndsOnlyPendingOnes() {
        WebhookDelivery failed = newDelivery().attempted(answered(newDelivery(), 1, T0, 410), SCHEDULE, () -> 0.5);
        WebhookDelivery again = failed.retryNow(T0.plusSeconds(60));
        assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(again.nextAttemptAt()).contains(T0.plusSeconds(60));
        assertThat(again.abandon(T0.plusSeconds(61)).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.abandon(T0.plusSeconds(61))).isSameAs(failed);
    }

    @Test
    void theBodyIsTypeTimestampAndTheEventsOwnJson() {
        WebhookEvent event = new WebhookEvent("e1", SpaceId.of(UUID.randomUUID()), WebhookEventType.subscribable(
                "artifact.ready"), T0, "{\"event_id\":\"e1\"}");
        assertThat(event.body()).isEqualTo(
                "{\"type\":\"artifact.ready\",\"timestamp\":\"2026-12-05T00:00:00Z\",\"data\":{\"event_id\":\"e1\"}}");
    }

    @Test
    void anAttemptKeepsAtMostAKilobyteOfTheAnswer() {
        DeliveryAttempt attempt = new DeliveryAttempt(WebhookDeliveryId.of(UUID.randomUUID()), 1, T0,
                Duration.ofMillis(3), Optional.of(200), Optional.of("x".repeat(5000)), Optional.empty());
        assertThat(attempt.responseBody().orElseThrow()).hasSize(DeliveryAttempt.MAX_BODY_CHARS);
    }

    static WebhookEndpoint newEndpoint() {
        return WebhookEndpoint.create(WebhookEndpointId.of(UUID.randomUUID()), SpaceId.of(UUID.randomUUID()),
                WebhookUrl.parse("https://hooks.example.com/in"), List.of(WebhookEventType.subscribable("artifact.ready")),
                Optional.empty(), WebhookSecret.generate(new SecureRandom()), T0);
    }

    private static WebhookDelivery newDelivery() {
        WebhookEndpoint endpoint = newEndpoint();
        WebhookEvent event = new WebhookEvent("e1", endpoint.spaceId(), WebhookEventType.subscribable("artifact.ready"),
                T0, "{}");
        return WebhookDelivery.schedule(WebhookDeliveryId.of(UUID.randomUUID()), endpoint, event, T0, T0);
    }

    private static DeliveryAttempt answered(WebhookDelivery delivery, int number, Instant at, int status) {
        return new DeliveryAttempt(delivery.id(), number, at, Duration.ofMillis(10), Optional.of(status),
                Optional.of(""), Optional.empty());
    }

    private static DeliveryAttempt failed(WebhookDelivery delivery, int number, Instant at) {
        return new DeliveryAttempt(delivery.id(), number, at, Duration.ofMillis(10), Optional.empty(),
                Optional.empty(), Optional.of("timeout"));
    }
}
