package com.aimabledocs.artifacts.adapters.rest.webhook;

import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import java.time.Instant;
import java.util.List;

/** The answer to registering an endpoint or rotating its secret: the only ones that hold the {@code secret}. */
public record WebhookEndpointWithSecretResponse(String id, String spaceId, String url, List<String> eventTypes,
                                                String description, boolean enabled, String disabledReason,
                                                Instant disabledAt, Instant failingSince,
                                                Instant previousSecretExpiresAt, Instant createdAt,
                                                Instant updatedAt, String secret) {

    static WebhookEndpointWithSecretResponse of(WebhookEndpoint endpoint, WebhookSecret secret, Instant now) {
        WebhookEndpointResponse e = WebhookEndpointResponse.of(endpoint, now);
        return new WebhookEndpointWithSecretResponse(e.id(), e.spaceId(), e.url(), e.eventTypes(), e.description(),
                e.enabled(), e.disabledReason(), e.disabledAt(), e.failingSince(), e.previousSecretExpiresAt(),
                e.createdAt(), e.updatedAt(), secret.reveal());
    }
}
