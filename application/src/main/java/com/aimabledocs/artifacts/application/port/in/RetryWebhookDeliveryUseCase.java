package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;

/**
 * Makes a delivery due again at once, whatever its status: the same event, body and {@code webhook-id}. A
 * failed delivery gets one more attempt (the schedule is not restarted).
 */
public interface RetryWebhookDeliveryUseCase {

    /** @throws com.aimabledocs.artifacts.domain.webhook.WebhookEndpointDisabledException when it is disabled */
    WebhookDelivery retry(Caller caller, SpaceId spaceId, WebhookEndpointId endpointId, WebhookDeliveryId id);
}
