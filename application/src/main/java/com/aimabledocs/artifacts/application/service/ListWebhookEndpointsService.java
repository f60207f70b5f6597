package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ListWebhookEndpointsQuery;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import java.util.List;

public final class ListWebhookEndpointsService implements ListWebhookEndpointsQuery {

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;

    public ListWebhookEndpointsService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                       UnitOfWork unitOfWork) {
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<WebhookEndpoint> list(Caller caller, SpaceId spaceId) {
        caller.authorize(spaceId, Scope.WEBHOOKS_MANAGE);
        return unitOfWork.inTransaction(() -> {
            WebhookLookups.requireSpace(spaces, spaceId);
            return endpoints.listBySpace(spaceId);
        });
    }
}
