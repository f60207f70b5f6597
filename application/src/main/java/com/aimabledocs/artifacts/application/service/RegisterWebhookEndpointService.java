package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.RegisterWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointLimitException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the URL against the target policy (a DNS look-up, before the transaction), then, in one transaction,
 * the space's endpoint limit, and stores the endpoint with a new random secret, which is returned once.
 */
public final class RegisterWebhookEndpointService implements RegisterWebhookEndpointUseCase {

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdGenerator ids;
    private final WebhookTarget target;
    private final SecureRandom random;
    private final int maxEndpointsPerSpace;

    public RegisterWebhookEndpointService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                          UnitOfWork unitOfWork, Clock clock, IdGenerator ids, HostResolver resolver,
                                          TargetPolicy policy, SecureRandom random, int maxEndpointsPerSpace) {
        if (maxEndpointsPerSpace < 1) {
            throw new IllegalArgumentException("a space may have at least one webhook endpoint");
        }
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
        this.target = new WebhookTarget(resolver, policy);
        this.random = Objects.requireNonNull(random, "random");
        this.maxEndpointsPerSpace = maxEndpointsPerSpace;
    }

    @Override
    public Registered register(Caller caller, Command command) {
        caller.authorize(command.spaceId(), Scope.WEBHOOKS_MANAGE);
        unitOfWork.read(() -> {
            WebhookLookups.requireSpace(spaces, command.spaceId());
            return null;
        });
        Set<WebhookEventType> types = eventTypes(command.eventTypes());
        WebhookUrl url = target.check(command.url());
        WebhookSecret secret = WebhookSecret.generate(random);
        return unitOfWork.inTransaction(() -> {
            if (endpoints.countBySpace(command.spaceId()) >= maxEndpointsPerSpace) {
                throw new WebhookEndpointLimitException(maxEndpointsPerSpace);
            }
            WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.of(ids.newId()), command.spaceId(),
                    url, types, command.description(), secret, clock.now());
            endpoints.add(endpoint);
            return new Registered(endpoint, secret);
        });
    }

    /** The types a client names, each one a type it may subscribe to; at least one. */
    static Set<WebhookEventType> eventTypes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidValueException("event_types", "an endpoint subscribes to at least one event type");
        }
        Set<WebhookEventType> types = new LinkedHashSet<>();
        names.forEach(name -> types.add(WebhookEventType.subscribable(name)));
        return types;
    }
}
