package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.GetWebhookEndpointQuery;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;

public final class GetWebhookEndpointService implements GetWebhookEndpointQuery {

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;

    public GetWebhookEndpointService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                     UnitOfWork unitOfWork) {
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public WebhookEndpoint get(Caller caller, SpaceId spaceId, WebhookEndpointId id) {
        caller.authorize(spaceId, Scope.WEBHOOKS_MANAGE);
        return unitOfWork.inTransaction(() -> WebhookLookups.requireEndpoint(spaces, endpoints, spaceId, id));
    }
}
