package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.Uuids;
import java.util.UUID;

/** Identifies a webhook endpoint of a space. */
public record WebhookEndpointId(UUID value) {

    public WebhookEndpointId {
        Uuids.require("endpoint_id", value);
    }

    public static WebhookEndpointId of(UUID value) {
        return new WebhookEndpointId(value);
    }

    /** Parses a client-supplied ID; a malformed one is an {@code invalid_endpoint_id} error. */
    public static WebhookEndpointId parse(String text) {
        return new WebhookEndpointId(Uuids.parse("endpoint_id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
