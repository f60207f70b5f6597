package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;

/** Deletes an endpoint with its delivery log; nothing more is sent to it. */
public interface DeleteWebhookEndpointUseCase {

    /** @throws com.aimabledocs.artifacts.domain.webhook.WebhookEndpointNotFoundException */
    void delete(Caller caller, SpaceId spaceId, WebhookEndpointId id);
}
