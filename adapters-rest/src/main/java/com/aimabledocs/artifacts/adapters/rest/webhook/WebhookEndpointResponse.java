package com.aimabledocs.artifacts.adapters.rest.webhook;

import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as clients see it: never its secret. {@code previous_secret_expires_at} is set while a rotated-out
 * secret still signs beside the new one.
 */
public record WebhookEndpointResponse(String id, String spaceId, String url, List<String> eventTypes,
                                      String description, boolean enabled, String disabledReason,
                                      Instant disabledAt, Instant failingSince, Instant previousSecretExpiresAt,
                                      Instant createdAt, Instant updatedAt) {

    static WebhookEndpointResponse of(WebhookEndpoint endpoint, Instant now) {
        return new WebhookEndpointResponse(endpoint.id().toString(), endpoint.spaceId().toString(),
                endpoint.url().toString(), eventTypesOf(endpoint), endpoint.description().orElse(null),
                endpoint.enabled(),
                endpoint.disabled().map(d -> d.reason().wireName()).orElse(null),
                endpoint.disabled().map(WebhookEndpoint.Disabled::at).orElse(null),
                endpoint.failingSince().orElse(null),
                endpoint.previousSecretUntil().filter(now::isBefore).orElse(null),
                endpoint.createdAt(), endpoint.updatedAt());
    }

    /** In the order the documentation lists the types. */
    static List<String> eventTypesOf(WebhookEndpoint endpoint) {
        List<String> names = endpoint.eventTypes().stream().map(WebhookEventType::value).toList();
        return WebhookEventType.SUBSCRIBABLE.stream().filter(names::contains).toList();
    }
}
