package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * One event owed to one endpoint: the body to send (the same bytes on every attempt) and where its attempts
 * stand. {@code eventId} is the {@code webhook-id} header, the same on every attempt and for every endpoint, so a
 * receiver deduplicates by it. There is at most one delivery per endpoint and event.
 *
 * <p>Pending until an attempt gets a 2xx (succeeded), the receiver answers 410 Gone, the schedule is spent or the
 * endpoint is disabled (failed). A retry on request makes it pending again, due at once.
 *
 * @param attempts the number of attempts made so far
 * @param nextAttemptAt when the next attempt is due; empty once the delivery has ended
 */
public record WebhookDelivery(WebhookDeliveryId id, WebhookEndpointId endpointId, SpaceId spaceId, String eventId,
                              WebhookEventType eventType, String body, DeliveryStatus status, int attempts,
                              Optional<Instant> nextAttemptAt, Instant createdAt, Instant updatedAt) {

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        nextAttemptAt = nextAttemptAt == null ? Optional.empty() : nextAttemptAt;
        if ((status == DeliveryStatus.PENDING) != nextAttemptAt.isPresent()) {
            throw new IllegalArgumentException("a delivery has a next attempt exactly while it is pending");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative");
        }
    }

    /** A new delivery of {@code event} to {@code endpoint}, due at {@code firstAttemptAt}. */
    public static WebhookDelivery schedule(WebhookDeliveryId id, WebhookEndpoint endpoint, WebhookEvent event,
                                           Instant now, Instant firstAttemptAt) {
        return new WebhookDelivery(id, endpoint.id(), endpoint.spaceId(), event.id(), event.type(), event.body(),
                DeliveryStatus.PENDING, 0, Optional.of(firstAttemptAt), now, now);
    }

    /**
     * Records an attempt's outcome: a 2xx ends the delivery {@code succeeded}; a 410 ends it {@code failed}; any
     * other failure schedules the next attempt, or ends it {@code failed} when the schedule is spent.
     */
    public WebhookDelivery attempted(DeliveryAttempt attempt, RetrySchedule schedule, DoubleSupplier random) {
        int made = attempts + 1;
        Instant now = attempt.attemptedAt().plus(attempt.duration());
        if (attempt.succeeded()) {
            return with(DeliveryStatus.SUCCEEDED, made, Optional.empty(), now);
        }
        Optional<Instant> next = attempt.gone() ? Optional.empty() : schedule.nextAttemptAt(made, now, random);
        return with(next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, made, next, now);
    }

    /** Due again at once, whatever its status: a client asked for it. */
    public WebhookDelivery retryNow(Instant now) {
        return with(DeliveryStatus.PENDING, attempts, Optional.of(now), now);
    }

    /** The endpoint was disabled: no attempt will come. A delivery that already ended stays as it is. */
    public WebhookDelivery abandon(Instant now) {
        return status == DeliveryStatus.PENDING ? with(DeliveryStatus.FAILED, attempts, Optional.empty(), now) : this;
    }

    private WebhookDelivery with(DeliveryStatus nextStatus, int made, Optional<Instant> next, Instant now) {
        return new WebhookDelivery(id, endpointId, spaceId, eventId, eventType, body, nextStatus, made, next,
                createdAt, now);
    }
}
