package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import java.util.List;
import java.util.Optional;

/**
 * Changes an endpoint's URL (checked as on registration), event types, description or enabled state (a PATCH:
 * an absent field stays as it is). Disabling ends its pending deliveries as failed.
 */
public interface ChangeWebhookEndpointUseCase {

    /** @param description empty: unchanged; present and empty: removed */
    record Command(SpaceId spaceId, WebhookEndpointId id, Optional<String> url, Optional<List<String>> eventTypes,
                   Optional<Optional<String>> description, Optional<Boolean> enabled) {
    }

    WebhookEndpoint change(Caller caller, Command command);
}
