package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointNotFoundException;

/**
 * What every webhook operation reads first, once its caller is authorized: the space (an admin may name any
 * ID, so a missing space is a 404 like a missing endpoint) and the endpoint of that space.
 */
final class WebhookLookups {

    private WebhookLookups() {
    }

    static void requireSpace(SpaceRepository spaces, SpaceId spaceId) {
        if (spaces.findById(spaceId).isEmpty()) {
            throw new SpaceNotFoundException(spaceId);
        }
    }

    static WebhookEndpoint requireEndpoint(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                           SpaceId spaceId, WebhookEndpointId id) {
        requireSpace(spaces, spaceId);
        return endpoints.findById(spaceId, id).orElseThrow(() -> new WebhookEndpointNotFoundException(id));
    }
}
