package com.aimabledocs.artifacts.adapters.rest.webhook;

import com.aimabledocs.artifacts.application.port.in.ChangeWebhookEndpointUseCase;
import com.aimabledocs.artifacts.application.port.in.DeleteWebhookEndpointUseCase;
import com.aimabledocs.artifacts.application.port.in.GetWebhookEndpointQuery;
import com.aimabledocs.artifacts.application.port.in.ListWebhookDeliveriesQuery;
import com.aimabledocs.artifacts.application.port.in.ListWebhookEndpointsQuery;
import com.aimabledocs.artifacts.application.port.in.RegisterWebhookEndpointUseCase;
import com.aimabledocs.artifacts.application.port.in.RetryWebhookDeliveryUseCase;
import com.aimabledocs.artifacts.application.port.in.RotateWebhookSecretUseCase;
import com.aimabledocs.artifacts.application.port.in.SendTestWebhookUseCase;
import com.aimabledocs.artifacts.application.service.ChangeWebhookEndpointService;
import com.aimabledocs.artifacts.application.service.DeleteWebhookEndpointService;
import com.aimabledocs.artifacts.application.service.GetWebhookEndpointService;
import com.aimabledocs.artifacts.application.service.ListWebhookDeliveriesService;
import com.aimabledocs.artifacts.application.service.ListWebhookEndpointsService;
import com.aimabledocs.artifacts.application.service.RegisterWebhookEndpointService;
import com.aimabledocs.artifacts.application.service.RetryWebhookDeliveryService;
import com.aimabledocs.artifacts.application.service.RotateWebhookSecretService;
import com.aimabledocs.artifacts.application.service.SendTestWebhookService;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.security.SecureRandom;
import java.time.Duration;
import com.aimabledocs.artifacts.adapters.rest.ApiConfig;

/**
 * The webhook management use cases, built from the ports the adapters provide: the repositories
 * (adapters-persistence), the {@link HostResolver} and {@link TargetPolicy} (adapters-webhooks). Its settings are
 * {@link ApiConfig.Webhooks}.
 */
@ApplicationScoped
public class WebhookWiring {

    private final int maxEndpointsPerSpace;
    private final Duration secretRotationOverlap;

    WebhookWiring(ApiConfig config) {
        this.maxEndpointsPerSpace = config.webhooks().maxEndpointsPerSpace();
        this.secretRotationOverlap = config.webhooks().secretRotationOverlap();
    }

    @Produces
    @ApplicationScoped
    RegisterWebhookEndpointUseCase registerWebhookEndpoint(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                                           UnitOfWork unitOfWork, Clock clock, IdGenerator ids,
                                                           HostResolver resolver, TargetPolicy policy) {
        return new RegisterWebhookEndpointService(spaces, endpoints, unitOfWork, clock, ids, resolver, policy,
                new SecureRandom(), maxEndpointsPerSpace);
    }

    @Produces
    @ApplicationScoped
    ListWebhookEndpointsQuery listWebhookEndpoints(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                                   UnitOfWork unitOfWork) {
        return new ListWebhookEndpointsService(spaces, endpoints, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    GetWebhookEndpointQuery getWebhookEndpoint(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                               UnitOfWork unitOfWork) {
        return new GetWebhookEndpointService(spaces, endpoints, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    ChangeWebhookEndpointUseCase changeWebhookEndpoint(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                                       WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork,
                                                       Clock clock, HostResolver resolver, TargetPolicy policy) {
        return new ChangeWebhookEndpointService(spaces, endpoints, deliveries, unitOfWork, clock, resolver, policy);
    }

    @Produces
    @ApplicationScoped
    DeleteWebhookEndpointUseCase deleteWebhookEndpoint(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                                       UnitOfWork unitOfWork) {
        return new DeleteWebhookEndpointService(spaces, endpoints, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    RotateWebhookSecretUseCase rotateWebhookSecret(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                                   UnitOfWork unitOfWork, Clock clock) {
        return new RotateWebhookSecretService(spaces, endpoints, unitOfWork, clock, new SecureRandom(),
                secretRotationOverlap);
    }

    @Produces
    @ApplicationScoped
    SendTestWebhookUseCase sendTestWebhook(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                           WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork, Clock clock,
                                           IdGenerator ids) {
        return new SendTestWebhookService(spaces, endpoints, deliveries, unitOfWork, clock, ids);
    }

    @Produces
    @ApplicationScoped
    ListWebhookDeliveriesQuery listWebhookDeliveries(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                                     WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork) {
        return new ListWebhookDeliveriesService(spaces, endpoints, deliveries, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    RetryWebhookDeliveryUseCase retryWebhookDelivery(SpaceRepository spaces, WebhookEndpointRepository endpoints,
                                                     WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork,
                                                     Clock clock) {
        return new RetryWebhookDeliveryService(spaces, endpoints, deliveries, unitOfWork, clock);
    }
}
