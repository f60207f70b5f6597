package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.DeliverWebhooksUseCase.Attempted;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatcher's meters at {@code /q/metrics}: {@code artifacts_webhook_attempts_total{outcome}} (2xx, 4xx,
 * 5xx, other HTTP statuses as {@code http_other}, or the error: timeout, connection_failed...),
 * {@code artifacts_webhook_deliveries_total{status}} (deliveries that ended: succeeded, failed),
 * {@code artifacts_webhook_endpoints_disabled_total}, {@code artifacts_webhook_attempt_duration_seconds}
 * (histogram), {@code artifacts_webhook_delivery_latency_seconds} (from the delivery's creation to its success,
 * histogram) and the gauge {@code artifacts_webhook_lag_seconds}: how long the longest-waiting due delivery has
 * been due (0 when none is), the number to alert on.
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lagMillis = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("artifacts.webhook.lag", lagMillis, v -> v.get() / 1000.0)
                .description("How long the longest-waiting due webhook delivery has been due")
                .baseUnit("seconds")
                .register(registry);
    }

    void attempted(Attempted attempted) {
        DeliveryAttempt attempt = attempted.attempt();
        Counter.builder("artifacts.webhook.attempts")
                .description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome(attempt))
                .register(registry).increment();
        Timer.builder("artifacts.webhook.attempt.duration")
                .description("Time of one webhook request")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(attempt.duration());
        DeliveryStatus status = attempted.delivery().status();
        if (status != DeliveryStatus.PENDING) {
            Counter.builder("artifacts.webhook.deliveries")
                    .description("Webhook deliveries that ended, by status")
                    .tag("status", status.wireName())
                    .register(registry).increment();
        }
        if (status == DeliveryStatus.SUCCEEDED) {
            Timer.builder("artifacts.webhook.delivery.latency")
                    .description("Time from a webhook delivery's creation to its success")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5))
                    .maximumExpectedValue(Duration.ofHours(30))
                    .register(registry)
                    .record(Duration.between(attempted.delivery().createdAt(), attempted.delivery().updatedAt()));
        }
        if (attempted.endpointDisabled()) {
            Counter.builder("artifacts.webhook.endpoints.disabled")
                    .description("Webhook endpoints the dispatcher disabled (410 Gone, or failing too long)")
                    .register(registry).increment();
        }
    }

    void lag(Instant now, java.util.Optional<Instant> oldestDue) {
        lagMillis.set(oldestDue.map(due -> Math.max(0, Duration.between(due, now).toMillis())).orElse(0L));
    }

    private static String outcome(DeliveryAttempt attempt) {
        if (attempt.error().isPresent()) {
            return attempt.error().get();
        }
        int status = attempt.httpStatus().orElseThrow();
        return status >= 200 && status < 600 ? (status / 100) + "xx" : "http_other";
    }
}
