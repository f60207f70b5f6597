package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import java.util.List;
import java.util.Optional;

/**
 * Registers a webhook endpoint in a space, for an admin or a key with {@code webhooks:manage}. The URL must
 * pass the target policy (https, a public address); the answer carries the signing secret, which is not shown
 * again.
 */
public interface RegisterWebhookEndpointUseCase {

    record Command(SpaceId spaceId, String url, List<String> eventTypes, Optional<String> description) {
    }

    record Registered(WebhookEndpoint endpoint, WebhookSecret secret) {
    }

    /**
     * @throws com.aimabledocs.artifacts.domain.webhook.WebhookTargetRefusedException when the policy refuses the URL
     * @throws com.aimabledocs.artifacts.domain.webhook.WebhookEndpointLimitException when the space has too many
     */
    Registered register(Caller caller, Command command);
}
