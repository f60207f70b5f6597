package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ChangeWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A new URL is checked as on registration, before the transaction; then, in one transaction, the endpoint is
 * changed and, when it is disabled, its pending deliveries end as failed.
 */
public final class ChangeWebhookEndpointService implements ChangeWebhookEndpointUseCase {

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final WebhookTarget target;

    public ChangeWebhookEndpointService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                        WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork, Clock clock,
                                        HostResolver resolver, TargetPolicy policy) {
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.target = new WebhookTarget(resolver, policy);
    }

    @Override
    public WebhookEndpoint change(Caller caller, Command command) {
        caller.authorize(command.spaceId(), Scope.WEBHOOKS_MANAGE);
        unitOfWork.read(() -> WebhookLookups.requireEndpoint(spaces, endpoints, command.spaceId(), command.id()));
        Optional<Set<WebhookEventType>> types = command.eventTypes()
                .map(RegisterWebhookEndpointService::eventTypes);
        Optional<WebhookUrl> url = command.url().map(target::check);
        WebhookEndpoint.Changes changes = new WebhookEndpoint.Changes(url, types, command.description(),
                command.enabled());
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = WebhookLookups.requireEndpoint(spaces, endpoints, command.spaceId(),
                    command.id());
            Instant now = clock.now();
            WebhookEndpoint changed = endpoint.change(changes, now);
            endpoints.update(changed);
            if (command.enabled().filter(enabled -> !enabled).isPresent()) {
                deliveries.abandonPending(endpoint.id(), now);
            }
            return changed;
        });
    }
}
