package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.RecordWebhookEventUseCase;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.webhook.RetrySchedule;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import java.util.function.DoubleSupplier;

/**
 * Every lifecycle event of every space passes here, and most spaces have no endpoint for it: that common case is
 * one read, without a transaction; only an event someone receives opens one to store its deliveries.
 */
public final class RecordWebhookEventService implements RecordWebhookEventUseCase {

    private final WebhookEndpointRepository endpoints;
    private final WebhookFanOut fanOut;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RecordWebhookEventService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                                     UnitOfWork unitOfWork, Clock clock, IdGenerator ids, RetrySchedule schedule,
                                     DoubleSupplier random) {
        this.endpoints = endpoints;
        this.fanOut = new WebhookFanOut(endpoints, deliveries, ids, schedule, random);
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public int record(WebhookEvent event) {
        if (unitOfWork.read(() -> endpoints.findReceiving(event.spaceId(), event.type())).isEmpty()) {
            return 0;
        }
        return unitOfWork.inTransaction(() -> fanOut.owe(event, clock.now()));
    }
}
