package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * An event to send to the endpoints that receive its type, with the body every delivery of it carries:
 * {@code {"type", "timestamp", "data"}} per Standard Webhooks, {@code data} being the event's own JSON (for a
 * lifecycle event, exactly the document of the events topic).
 *
 * @param id the event's ID, sent as {@code webhook-id}
 * @param dataJson a JSON object, inserted as it is
 */
public record WebhookEvent(String id, SpaceId spaceId, WebhookEventType type, Instant occurredAt, String dataJson) {

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(dataJson, "dataJson");
        if (!dataJson.strip().startsWith("{")) {
            throw new IllegalArgumentException("data is a JSON object");
        }
    }

    public String body() {
        return "{\"type\":\"" + type.value() + "\",\"timestamp\":\""
                + DateTimeFormatter.ISO_INSTANT.format(occurredAt) + "\",\"data\":" + dataJson.strip() + "}";
    }

    /** The data of a {@code webhook.test} event. */
    public static String testData(SpaceId spaceId, WebhookEndpointId endpointId) {
        return "{\"space_id\":\"" + spaceId + "\",\"endpoint_id\":\"" + endpointId + "\"}";
    }

    /** The data of an {@code endpoint.disabled} event. */
    public static String disabledData(WebhookEndpoint endpoint) {
        WebhookEndpoint.Disabled disabled = endpoint.disabled().orElseThrow();
        return "{\"space_id\":\"" + endpoint.spaceId() + "\",\"endpoint_id\":\"" + endpoint.id()
                + "\",\"reason\":\"" + disabled.reason().wireName() + "\",\"disabled_at\":\""
                + DateTimeFormatter.ISO_INSTANT.format(disabled.at()) + "\"}";
    }
}
