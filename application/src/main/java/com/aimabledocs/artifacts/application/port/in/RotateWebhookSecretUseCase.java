package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;

/**
 * Gives an endpoint a new signing secret, shown once; the previous one keeps signing beside it for the
 * configured overlap (24 hours by default), so deliveries carry both signatures meanwhile.
 */
public interface RotateWebhookSecretUseCase {

    record Rotated(WebhookEndpoint endpoint, WebhookSecret secret) {
    }

    Rotated rotate(Caller caller, SpaceId spaceId, WebhookEndpointId id);
}
