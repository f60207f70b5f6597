package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.RotateWebhookSecretUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/** A new random secret; the current one keeps signing beside it for {@code overlap}. */
public final class RotateWebhookSecretService implements RotateWebhookSecretUseCase {

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration overlap;

    public RotateWebhookSecretService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                      UnitOfWork unitOfWork, Clock clock, SecureRandom random, Duration overlap) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("the secret rotation overlap cannot be negative");
        }
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.random = Objects.requireNonNull(random, "random");
        this.overlap = overlap;
    }

    @Override
    public Rotated rotate(Caller caller, SpaceId spaceId, WebhookEndpointId id) {
        caller.authorize(spaceId, Scope.WEBHOOKS_MANAGE);
        WebhookSecret secret = WebhookSecret.generate(random);
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = WebhookLookups.requireEndpoint(spaces, endpoints, spaceId, id);
            WebhookEndpoint rotated = endpoint.rotateSecret(secret, clock.now(), overlap);
            endpoints.update(rotated);
            return new Rotated(rotated, secret);
        });
    }
}
