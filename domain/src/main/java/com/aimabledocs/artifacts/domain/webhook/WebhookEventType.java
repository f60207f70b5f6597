package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Objects;

/**
 * The type of a webhook event: the lifecycle events of the events topic ({@code artifact.ready},
 * {@code job.failed}, ...), {@code endpoint.disabled}, and {@code webhook.test}, which is sent on request to one
 * endpoint only and cannot be subscribed to.
 */
public record WebhookEventType(String value) {

    /** Every type an endpoint may subscribe to, in the order the documentation lists them. */
    public static final List<String> SUBSCRIBABLE = List.of(
            "artifact.pending", "artifact.processing", "artifact.ready", "artifact.failed", "artifact.deleted",
            "job.queued", "job.running", "job.succeeded", "job.failed", "job.canceled", "endpoint.disabled");

    public static final WebhookEventType TEST = new WebhookEventType("webhook.test");
    public static final WebhookEventType ENDPOINT_DISABLED = new WebhookEventType("endpoint.disabled");

    public WebhookEventType {
        Objects.requireNonNull(value, "value");
        if (!SUBSCRIBABLE.contains(value) && !value.equals("webhook.test")) {
            throw unknown(value);
        }
    }

    /** A type a client subscribes an endpoint to; {@code webhook.test} is refused. */
    public static WebhookEventType subscribable(String value) {
        if (value == null || !SUBSCRIBABLE.contains(value)) {
            throw unknown(value);
        }
        return new WebhookEventType(value);
    }

    /** Whether an event of this type on the events topic is worth a look (else the dispatcher skips it). */
    public static boolean isSubscribable(String value) {
        return SUBSCRIBABLE.contains(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static InvalidValueException unknown(String value) {
        return new InvalidValueException("event_types",
                "unknown event type " + value + "; use one of " + String.join(", ", SUBSCRIBABLE));
    }
}
