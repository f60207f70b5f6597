package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.RetryWebhookDeliveryUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryNotFoundException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointDisabledException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;

public final class RetryWebhookDeliveryService implements RetryWebhookDeliveryUseCase {

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RetryWebhookDeliveryService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                       WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork, Clock clock) {
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public WebhookDelivery retry(Caller caller, SpaceId spaceId, WebhookEndpointId endpointId, WebhookDeliveryId id) {
        caller.authorize(spaceId, Scope.WEBHOOKS_MANAGE);
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = WebhookLookups.requireEndpoint(spaces, endpoints, spaceId, endpointId);
            WebhookDelivery delivery = deliveries.findById(endpointId, id)
                    .orElseThrow(() -> new WebhookDeliveryNotFoundException(id));
            if (!endpoint.enabled()) {
                throw new WebhookEndpointDisabledException(endpointId);
            }
            WebhookDelivery retried = delivery.retryNow(clock.now());
            deliveries.update(retried);
            return retried;
        });
    }
}
