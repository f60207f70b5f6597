package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.DeleteWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointNotFoundException;

public final class DeleteWebhookEndpointService implements DeleteWebhookEndpointUseCase {

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;

    public DeleteWebhookEndpointService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                        UnitOfWork unitOfWork) {
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void delete(Caller caller, SpaceId spaceId, WebhookEndpointId id) {
        caller.authorize(spaceId, Scope.WEBHOOKS_MANAGE);
        unitOfWork.inTransaction(() -> {
            WebhookLookups.requireSpace(spaces, spaceId);
            if (!endpoints.delete(spaceId, id)) {
                throw new WebhookEndpointNotFoundException(id);
            }
        });
    }
}
