package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deliveries and their attempts in memory: at most one delivery per endpoint and event, and {@link #page} a
 * keyset walk newest first ({@code created_at desc, id desc}), as the database does it.
 */
public final class InMemoryWebhookDeliveryRepository implements WebhookDeliveryRepository, TransactionalResource {

    private static final Comparator<WebhookDelivery> NEWEST_FIRST = Comparator.comparing(WebhookDelivery::createdAt)
            .thenComparing(d -> d.id().toString()).reversed();

    private record State(Map<WebhookDeliveryId, WebhookDelivery> rows, List<DeliveryAttempt> attempts) {
    }

    private Map<WebhookDeliveryId, WebhookDelivery> rows = new LinkedHashMap<>();
    private List<DeliveryAttempt> attempts = new ArrayList<>();

    @Override
    public boolean addIfAbsent(WebhookDelivery delivery) {
        boolean exists = rows.values().stream().anyMatch(d -> d.endpointId().equals(delivery.endpointId())
                && d.eventId().equals(delivery.eventId()));
        if (exists) {
            return false;
        }
        rows.put(delivery.id(), delivery);
        return true;
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Instant claimUntil, int limit,
                                          Collection<WebhookEndpointId> skip) {
        // Whether the endpoint is enabled is the real store's join; here every endpoint counts as enabled.
        List<WebhookDelivery> due = rows.values().stream()
                .filter(d -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().orElseThrow().isAfter(now))
                .filter(d -> !skip.contains(d.endpointId()))
                .sorted(Comparator.comparing(d -> d.nextAttemptAt().orElseThrow()))
                .limit(limit).toList();
        due.forEach(d -> rows.put(d.id(), new WebhookDelivery(d.id(), d.endpointId(), d.spaceId(), d.eventId(),
                d.eventType(), d.body(), d.status(), d.attempts(), Optional.of(claimUntil), d.createdAt(), now)));
        return due;
    }

    @Override
    public void update(WebhookDelivery delivery) {
        if (!rows.containsKey(delivery.id())) {
            throw new IllegalStateException("no such delivery to update: " + delivery.id());
        }
        rows.put(delivery.id(), delivery);
    }

    @Override
    public void addAttempt(DeliveryAttempt attempt) {
        attempts.add(attempt);
    }

    @Override
    public Optional<WebhookDelivery> findById(WebhookEndpointId endpointId, WebhookDeliveryId id) {
        return Optional.ofNullable(rows.get(id)).filter(d -> d.endpointId().equals(endpointId));
    }

    @Override
    public List<WebhookDelivery> page(WebhookEndpointId endpointId, Optional<DeliveryStatus> status,
                                      Optional<WebhookDeliveryId> after, int limit) {
        Optional<WebhookDelivery> last = after.map(rows::get);
        return rows.values().stream()
                .filter(d -> d.endpointId().equals(endpointId))
                .filter(d -> status.map(s -> d.status() == s).orElse(true))
                .filter(d -> last.map(l -> NEWEST_FIRST.compare(d, l) > 0).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public Map<WebhookDeliveryId, List<DeliveryAttempt>> attemptsOf(Collection<WebhookDeliveryId> deliveries) {
        Map<WebhookDeliveryId, List<DeliveryAttempt>> result = new LinkedHashMap<>();
        for (DeliveryAttempt attempt : attempts) {
            if (deliveries.contains(attempt.deliveryId())) {
                result.computeIfAbsent(attempt.deliveryId(), id -> new ArrayList<>()).add(attempt);
            }
        }
        return result;
    }

    @Override
    public int abandonPending(WebhookEndpointId endpointId, Instant now) {
        int count = 0;
        for (WebhookDelivery delivery : List.copyOf(rows.values())) {
            if (delivery.endpointId().equals(endpointId) && delivery.status() == DeliveryStatus.PENDING) {
                rows.put(delivery.id(), delivery.abandon(now));
                count++;
            }
        }
        return count;
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        List<WebhookDeliveryId> ended = rows.values().stream()
                .filter(d -> d.status() != DeliveryStatus.PENDING && d.updatedAt().isBefore(cutoff))
                .map(WebhookDelivery::id).limit(limit).toList();
        ended.forEach(rows::remove);
        attempts.removeIf(a -> ended.contains(a.deliveryId()));
        return ended.size();
    }

    @Override
    public Optional<Instant> oldestDue(Instant now) {
        return rows.values().stream().flatMap(d -> d.nextAttemptAt().stream()).filter(t -> !t.isAfter(now))
                .min(Comparator.naturalOrder());
    }

    public List<WebhookDelivery> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public Object snapshot() {
        return new State(new LinkedHashMap<>(rows), new ArrayList<>(attempts));
    }

    @Override
    public void restore(Object snapshot) {
        State state = (State) snapshot;
        rows = new LinkedHashMap<>(state.rows());
        attempts = new ArrayList<>(state.attempts());
    }
}
