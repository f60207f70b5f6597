package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.SendTestWebhookUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointDisabledException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import java.time.Instant;

/** Owes a new {@code webhook.test} event to one endpoint, due now; the dispatcher sends it. */
public final class SendTestWebhookService implements SendTestWebhookUseCase {

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdGenerator ids;

    public SendTestWebhookService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                  WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork, Clock clock,
                                  IdGenerator ids) {
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public WebhookDelivery sendTest(Caller caller, SpaceId spaceId, WebhookEndpointId id) {
        caller.authorize(spaceId, Scope.WEBHOOKS_MANAGE);
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = WebhookLookups.requireEndpoint(spaces, endpoints, spaceId, id);
            if (!endpoint.enabled()) {
                throw new WebhookEndpointDisabledException(id);
            }
            Instant now = clock.now();
            WebhookEvent event = new WebhookEvent(ids.newId().toString(), spaceId, WebhookEventType.TEST, now,
                    WebhookEvent.testData(spaceId, id));
            WebhookDelivery delivery = WebhookDelivery.schedule(WebhookDeliveryId.of(ids.newId()), endpoint, event,
                    now, now);
            deliveries.addIfAbsent(delivery);
            return delivery;
        });
    }
}
