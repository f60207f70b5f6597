package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.DeliverWebhooksUseCase;
import com.aimabledocs.artifacts.application.port.in.RecordWebhookEventUseCase;
import com.aimabledocs.artifacts.application.service.DeliverWebhooksService;
import com.aimabledocs.artifacts.application.service.RecordWebhookEventService;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.port.WebhookSender;
import com.aimabledocs.artifacts.domain.webhook.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;

/** The worker's webhook use cases, built from the adapters' port beans and {@link WebhookDispatchConfig}. */
@ApplicationScoped
public class WebhookWiring {

    @Produces
    @Singleton
    RetrySchedule retrySchedule(WebhookDispatchConfig config) {
        return RetrySchedule.parse(config.retrySchedule(), config.retryJitter());
    }

    @Produces
    @ApplicationScoped
    RecordWebhookEventUseCase recordWebhookEvent(WebhookEndpointRepository endpoints,
                                                 WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork,
                                                 Clock clock, IdGenerator ids, RetrySchedule schedule) {
        return new RecordWebhookEventService(endpoints, deliveries, unitOfWork, clock, ids, schedule,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Produces
    @ApplicationScoped
    DeliverWebhooksUseCase deliverWebhooks(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                                           WebhookSender sender, UnitOfWork unitOfWork, Clock clock, IdGenerator ids,
                                           RetrySchedule schedule, WebhookDispatchConfig config) {
        return new DeliverWebhooksService(endpoints, deliveries, sender, unitOfWork, clock, ids, schedule,
                () -> ThreadLocalRandom.current().nextDouble(),
                new DeliverWebhooksService.Terms(config.timeout(), config.claimMargin(), config.disableAfter()));
    }
}
