package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;

/** Queues a {@code webhook.test} event for one endpoint; the dispatcher sends it like any other delivery. */
public interface SendTestWebhookUseCase {

    /** @throws com.aimabledocs.artifacts.domain.webhook.WebhookEndpointDisabledException when it is disabled */
    WebhookDelivery sendTest(Caller caller, SpaceId spaceId, WebhookEndpointId id);
}
