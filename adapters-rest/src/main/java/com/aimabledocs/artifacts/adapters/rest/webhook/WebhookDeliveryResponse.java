package com.aimabledocs.artifacts.adapters.rest.webhook;

import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.List;

/**
 * A delivery in the log: {@code event_id} is the {@code webhook-id} header the receiver saw, the same on every
 * attempt; {@code next_attempt_at} is null once the delivery has ended.
 */
public record WebhookDeliveryResponse(String id, String endpointId, String eventId, String eventType,
                                      String status, int attemptCount, Instant nextAttemptAt, Instant createdAt,
                                      Instant updatedAt, List<Attempt> attempts) {

    /** One try: an HTTP status and the start of the body, or an error when no answer came. */
    public record Attempt(int number, Instant attemptedAt, long durationMs, Integer httpStatus, String responseBody,
                          String error) {

        static Attempt of(DeliveryAttempt attempt) {
            return new Attempt(attempt.number(), attempt.attemptedAt(), attempt.duration().toMillis(),
                    attempt.httpStatus().orElse(null), attempt.responseBody().orElse(null),
                    attempt.error().orElse(null));
        }
    }

    static WebhookDeliveryResponse of(WebhookDelivery delivery, List<DeliveryAttempt> attempts) {
        return new WebhookDeliveryResponse(delivery.id().toString(), delivery.endpointId().toString(),
                delivery.eventId(), delivery.eventType().value(), delivery.status().wireName(), delivery.attempts(),
                delivery.nextAttemptAt().orElse(null), delivery.createdAt(), delivery.updatedAt(),
                attempts.stream().map(Attempt::of).toList());
    }
}
