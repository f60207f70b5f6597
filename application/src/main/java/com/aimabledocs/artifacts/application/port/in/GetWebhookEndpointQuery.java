package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;

public interface GetWebhookEndpointQuery {

    /** @throws com.aimabledocs.artifacts.domain.webhook.WebhookEndpointNotFoundException */
    WebhookEndpoint get(Caller caller, SpaceId spaceId, WebhookEndpointId id);
}
