package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ListWebhookDeliveriesQuery;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryNotFoundException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery log, keyset-paginated: one row more than the page is read to know, exactly, whether another page
 * follows; the attempts of the page's deliveries are read in the same transaction.
 */
public final class ListWebhookDeliveriesService implements ListWebhookDeliveriesQuery {

    public static final int MAX_LIMIT = 100;

    private final SpaceRepository spaces;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final UnitOfWork unitOfWork;

    public ListWebhookDeliveriesService(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                       WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork) {
        this.spaces = spaces;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page list(Caller caller, SpaceId spaceId, WebhookEndpointId endpointId, Optional<DeliveryStatus> status,
                     Optional<WebhookDeliveryId> after, int limit) {
        caller.authorize(spaceId, Scope.WEBHOOKS_MANAGE);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return unitOfWork.inTransaction(() -> {
            WebhookLookups.requireEndpoint(spaces, endpoints, spaceId, endpointId);
            List<WebhookDelivery> rows = deliveries.page(endpointId, status, after, limit + 1);
            List<WebhookDelivery> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            Map<WebhookDeliveryId, List<DeliveryAttempt>> attempts =
                    deliveries.attemptsOf(page.stream().map(WebhookDelivery::id).toList());
            List<Entry> entries = page.stream()
                    .map(d -> new Entry(d, attempts.getOrDefault(d.id(), List.of())))
                    .toList();
            Optional<WebhookDeliveryId> next = rows.size() > limit
                    ? Optional.of(page.get(page.size() - 1).id())
                    : Optional.empty();
            return new Page(entries, next);
        });
    }

    @Override
    public Entry get(Caller caller, SpaceId spaceId, WebhookEndpointId endpointId, WebhookDeliveryId id) {
        caller.authorize(spaceId, Scope.WEBHOOKS_MANAGE);
        return unitOfWork.inTransaction(() -> {
            WebhookLookups.requireEndpoint(spaces, endpoints, spaceId, endpointId);
            WebhookDelivery delivery = deliveries.findById(endpointId, id)
                    .orElseThrow(() -> new WebhookDeliveryNotFoundException(id));
            return new Entry(delivery, deliveries.attemptsOf(List.of(id)).getOrDefault(id, List.of()));
        });
    }
}
