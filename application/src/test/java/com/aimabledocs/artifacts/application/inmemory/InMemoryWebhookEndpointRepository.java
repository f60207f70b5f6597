package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Endpoints in a map, with a database's semantics: duplicate IDs refused, optimistic locking on update. */
public final class InMemoryWebhookEndpointRepository implements WebhookEndpointRepository, TransactionalResource {

    private static final Comparator<WebhookEndpoint> NEWEST_FIRST = Comparator.comparing(WebhookEndpoint::createdAt)
            .thenComparing(e -> e.id().toString()).reversed();

    private Map<WebhookEndpointId, WebhookEndpoint> rows = new LinkedHashMap<>();

    @Override
    public void add(WebhookEndpoint endpoint) {
        if (rows.containsKey(endpoint.id())) {
            throw new IllegalStateException("duplicate key: webhook endpoint " + endpoint.id());
        }
        rows.put(endpoint.id(), endpoint);
    }

    @Override
    public void update(WebhookEndpoint endpoint) {
        WebhookEndpoint stored = rows.get(endpoint.id());
        if (stored == null || stored.version() != endpoint.version() || !stored.spaceId().equals(endpoint.spaceId())) {
            throw new ConcurrentUpdateException("webhook endpoint", endpoint.id());
        }
        rows.put(endpoint.id(), new WebhookEndpoint(endpoint.id(), endpoint.spaceId(), endpoint.url(),
                endpoint.eventTypes(), endpoint.description(), endpoint.secret(), endpoint.previousSecret(),
                endpoint.previousSecretUntil(), endpoint.disabled(), endpoint.failingSince(), endpoint.createdAt(),
                endpoint.updatedAt(), endpoint.version() + 1));
    }

    @Override
    public Optional<WebhookEndpoint> findById(SpaceId spaceId, WebhookEndpointId id) {
        return Optional.ofNullable(rows.get(id)).filter(e -> e.spaceId().equals(spaceId));
    }

    @Override
    public List<WebhookEndpoint> listBySpace(SpaceId spaceId) {
        return rows.values().stream().filter(e -> e.spaceId().equals(spaceId)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public int countBySpace(SpaceId spaceId) {
        return (int) rows.values().stream().filter(e -> e.spaceId().equals(spaceId)).count();
    }

    @Override
    public List<WebhookEndpoint> findReceiving(SpaceId spaceId, WebhookEventType type) {
        return rows.values().stream().filter(e -> e.spaceId().equals(spaceId) && e.receives(type)).toList();
    }

    @Override
    public boolean delete(SpaceId spaceId, WebhookEndpointId id) {
        return findById(spaceId, id).map(e -> rows.remove(id)).isPresent();
    }

    public List<WebhookEndpoint> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<WebhookEndpointId, WebhookEndpoint>) snapshot);
    }
}
