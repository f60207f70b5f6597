package com.aimabledocs.artifacts.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One try of a delivery, as the delivery log shows it: when, how long, and what came back; either an HTTP
 * status and the start of the response body ({@link #MAX_BODY_CHARS} characters at most), or an error such as
 * {@code timeout}, {@code connection_failed} or {@code target_refused} when no answer came.
 */
public record DeliveryAttempt(WebhookDeliveryId deliveryId, int number, Instant attemptedAt, Duration duration,
                              Optional<Integer> httpStatus, Optional<String> responseBody, Optional<String> error) {

    public static final int MAX_BODY_CHARS = 1024;

    public DeliveryAttempt {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(duration, "duration");
        httpStatus = httpStatus == null ? Optional.empty() : httpStatus;
        responseBody = responseBody == null ? Optional.empty() : responseBody.map(DeliveryAttempt::truncate);
        error = error == null ? Optional.empty() : error;
        if (httpStatus.isEmpty() == error.isEmpty()) {
            throw new IllegalArgumentException("an attempt has either an HTTP status or an error");
        }
    }

    public boolean succeeded() {
        return httpStatus.filter(s -> s >= 200 && s < 300).isPresent();
    }

    /** The receiver answered 410 Gone: it wants no more deliveries. */
    public boolean gone() {
        return httpStatus.filter(s -> s == 410).isPresent();
    }

    private static String truncate(String body) {
        return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS);
    }
}
