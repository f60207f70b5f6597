package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.Uuids;
import java.util.UUID;

/** Identifies one delivery: one event for one endpoint, with all its attempts. */
public record WebhookDeliveryId(UUID value) {

    public WebhookDeliveryId {
        Uuids.require("delivery_id", value);
    }

    public static WebhookDeliveryId of(UUID value) {
        return new WebhookDeliveryId(value);
    }

    /** Parses a client-supplied ID; a malformed one is an {@code invalid_delivery_id} error. */
    public static WebhookDeliveryId parse(String text) {
        return new WebhookDeliveryId(Uuids.parse("delivery_id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
