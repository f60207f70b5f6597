package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.webhook.RetrySchedule;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Owes an event to the endpoints of its space that receive its type and existed when it happened, one delivery
 * each, in the caller's transaction. Shared by the use cases that record events: one from the topic, one when an endpoint is disabled.
 */
final class WebhookFanOut {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final IdGenerator ids;
    private final RetrySchedule schedule;
    private final DoubleSupplier random;

    WebhookFanOut(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, IdGenerator ids,
                  RetrySchedule schedule, DoubleSupplier random) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.ids = ids;
        this.schedule = schedule;
        this.random = random;
    }

    /** @return the number of deliveries added (an event recorded before adds none) */
    int owe(WebhookEvent event, Instant now) {
        int added = 0;
        for (WebhookEndpoint endpoint : endpoints.findReceiving(event.spaceId(), event.type())) {
            if (endpoint.createdAt().isAfter(event.occurredAt())) {
                continue; // an endpoint receives what happens from its registration on, not what was read late
            }
            WebhookDelivery delivery = WebhookDelivery.schedule(WebhookDeliveryId.of(ids.newId()), endpoint, event,
                    now, schedule.firstAttemptAt(now, random));
            if (deliveries.addIfAbsent(delivery)) {
                added++;
            }
        }
        return added;
    }
}
