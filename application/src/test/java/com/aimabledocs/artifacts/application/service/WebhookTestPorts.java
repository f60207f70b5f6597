package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.inmemory.InMemorySpaceRepository;
import com.aimabledocs.artifacts.application.inmemory.InMemoryUnitOfWork;
import com.aimabledocs.artifacts.application.inmemory.InMemoryWebhookDeliveryRepository;
import com.aimabledocs.artifacts.application.inmemory.InMemoryWebhookEndpointRepository;
import com.aimabledocs.artifacts.application.inmemory.SequentialIdGenerator;
import com.aimabledocs.artifacts.application.inmemory.TestClock;
import com.aimabledocs.artifacts.application.port.in.RegisterWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The webhook management services on in-memory ports: a space, a DNS that answers what a test tells it (and
 * records the look-ups), the public-targets-only policy, and callers of every kind.
 */
final class WebhookTestPorts {

    static final Duration OVERLAP = Duration.ofHours(24);
    static final int MAX_ENDPOINTS = 3;

    final TestClock clock = TestClock.at("2026-12-04T10:00:00Z");
    final SequentialIdGenerator ids = new SequentialIdGenerator();
    final InMemorySpaceRepository spaces = new InMemorySpaceRepository();
    final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    final InMemoryWebhookDeliveryRepository deliveries = new InMemoryWebhookDeliveryRepository();
    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(spaces, endpoints, deliveries);
    final Map<String, List<InetAddress>> dns = new HashMap<>();
    final List<String> lookups = new ArrayList<>();
    /** Whether a transaction was open during a DNS look-up (it must never be). */
    boolean lookedUpInTransaction;
    final TargetPolicy policy = new TargetPolicy(false);
    final SpaceId space = SpaceId.of(TestIds.next());
    final SecureRandom random = new SecureRandom();

    final RegisterWebhookEndpointService register = new RegisterWebhookEndpointService(spaces, endpoints, unitOfWork,
            clock, ids, this::resolve, policy, random, MAX_ENDPOINTS);
    final ListWebhookEndpointsService list = new ListWebhookEndpointsService(spaces, endpoints, unitOfWork);
    final GetWebhookEndpointService get = new GetWebhookEndpointService(spaces, endpoints, unitOfWork);
    final ChangeWebhookEndpointService change = new ChangeWebhookEndpointService(spaces, endpoints, deliveries,
            unitOfWork, clock, this::resolve, policy);
    final DeleteWebhookEndpointService delete = new DeleteWebhookEndpointService(spaces, endpoints, unitOfWork);
    final RotateWebhookSecretService rotate = new RotateWebhookSecretService(spaces, endpoints, unitOfWork, clock,
            random, OVERLAP);
    final SendTestWebhookService sendTest = new SendTestWebhookService(spaces, endpoints, deliveries, unitOfWork,
            clock, ids);
    final ListWebhookDeliveriesService listDeliveries = new ListWebhookDeliveriesService(spaces, endpoints,
            deliveries, unitOfWork);
    final RetryWebhookDeliveryService retry = new RetryWebhookDeliveryService(spaces, endpoints, deliveries,
            unitOfWork, clock);

    WebhookTestPorts() {
        spaces.add(new Space(space, "hooks", clock.peek()));
        dns.put("hooks.example.com", List.of(address("93.184.215.14")));
    }

    private List<InetAddress> resolve(String host) {
        lookups.add(host);
        lookedUpInTransaction |= unitOfWork.isActive();
        if (host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return List.of(address(host)); // an IP literal resolves to itself, as with the real resolver
        }
        return dns.getOrDefault(host, List.of());
    }

    /** A key of this space with {@code scopes}. */
    Principal key(Scope... scopes) {
        return new Principal(ApiKeyId.of(TestIds.next()), space, Set.of(scopes));
    }

    /** A key of another space with every scope. */
    Principal otherSpaceKey() {
        return new Principal(ApiKeyId.of(TestIds.next()), SpaceId.of(TestIds.next()), Set.of(Scope.values()));
    }

    Principal manager() {
        return key(Scope.WEBHOOKS_MANAGE);
    }

    RegisterWebhookEndpointUseCase.Registered registered() {
        return register.register(manager(), new RegisterWebhookEndpointUseCase.Command(space,
                "https://hooks.example.com/artifacts", List.of("artifact.ready", "job.failed"), Optional.of("CI")));
    }

    WebhookEndpoint endpoint() {
        return registered().endpoint();
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
