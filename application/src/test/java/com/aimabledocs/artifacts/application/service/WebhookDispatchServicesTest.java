package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.application.port.in.DeliverWebhooksUseCase.Attempted;
import com.aimabledocs.artifacts.application.port.in.RegisterWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.port.WebhookSender;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.RetrySchedule;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recording events and attempting deliveries, on in-memory ports and a scripted sender. */
class WebhookDispatchServicesTest {

    private static final RetrySchedule SCHEDULE = RetrySchedule.parse("0s,5s,5m", 0);
    private static final AdminPrincipal ADMIN = new AdminPrincipal("test");

    private final WebhookTestPorts ports = new WebhookTestPorts();
    private final List<WebhookSender.Request> sent = new ArrayList<>();
    private final List<WebhookSender.Result> answers = new ArrayList<>();
    private final RecordWebhookEventService record = new RecordWebhookEventService(ports.endpoints, ports.deliveries,
            ports.unitOfWork, ports.clock, ports.ids, SCHEDULE, () -> 0.5);
    private final DeliverWebhooksService deliver = new DeliverWebhooksService(ports.endpoints, ports.deliveries,
            request -> {
                sent.add(request);
                return answers.remove(0);
            }, ports.unitOfWork, ports.clock, ports.ids, SCHEDULE, () -> 0.5,
            new DeliverWebhooksService.Terms(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofDays(5)));

    @Test
    void anEventIsOwedOncePerSubscribedEndpointThatExistedWhenItHappened() {
        Instant before = ports.clock.peek();
        WebhookEndpoint ready = register("artifact.ready");
        register("job.failed");

        assertThat(record.record(event("e1", "artifact.ready", ports.clock.peek()))).isEqualTo(1);
        assertThat(record.record(event("e1", "artifact.ready", ports.clock.peek()))).as("read twice").isZero();
        assertThat(record.record(event("e0", "artifact.ready", before.minusSeconds(60))))
                .as("an event from before the endpoint existed").isZero();
        assertThat(ports.deliveries.findById(ready.id(), only(ready).id())).isPresent();
    }

    @Test
    void anAttemptIsSignedWithTheStandardHeadersAndA503SchedulesTheNext() {
        WebhookEndpoint endpoint = register("artifact.ready");
        record.record(event("e1", "artifact.ready", ports.clock.peek()));
        answers.add(new WebhookSender.Answered(503, "busy", Duration.ofMillis(20)));

        WebhookDelivery claimed = deliver.claim(10, List.of()).iterator().next();
        Attempted attempted = deliver.attempt(claimed).orElseThrow();

        assertThat(sent.get(0).headers()).containsKeys("webhook-id", "webhook-timestamp", "webhook-signature")
                .containsEntry("webhook-id", "e1");
        assertThat(sent.get(0).url()).isEqualTo(endpoint.url());
        assertThat(attempted.delivery().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(attempted.delivery().attempts()).isEqualTo(1);
        assertThat(ports.endpoints.findById(ports.space, endpoint.id()).orElseThrow().failingSince()).isPresent();
        assertThat(deliver.claim(10, List.of())).as("not due for 5 s").isEmpty();
    }

    @Test
    void a410DisablesTheEndpointAbandonsItsPendingDeliveriesAndTellsTheOthers() {
        WebhookEndpoint gone = register("artifact.ready");
        WebhookEndpoint watcher = register("endpoint.disabled");
        record.record(event("e1", "artifact.ready", ports.clock.peek()));
        record.record(event("e2", "artifact.ready", ports.clock.peek()));
        answers.add(new WebhookSender.Answered(410, "", Duration.ofMillis(5)));

        WebhookDelivery first = deliver.claim(1, List.of()).iterator().next();
        Attempted attempted = deliver.attempt(first).orElseThrow();

        assertThat(attempted.endpointDisabled()).isTrue();
        assertThat(ports.endpoints.findById(ports.space, gone.id()).orElseThrow().disabled().orElseThrow().reason())
                .isEqualTo(WebhookEndpoint.DisabledReason.GONE);
        assertThat(ports.deliveries.page(gone.id(), Optional.of(DeliveryStatus.PENDING), Optional.empty(), 10)).isEmpty();
        WebhookDelivery told = only(watcher);
        assertThat(told.eventType()).isEqualTo(WebhookEventType.ENDPOINT_DISABLED);
        assertThat(told.body()).contains("\"endpoint_id\":\"" + gone.id() + "\"").contains("\"reason\":\"gone\"");
    }

    private WebhookEndpoint register(String type) {
        return ports.register.register(ADMIN, new RegisterWebhookEndpointUseCase.Command(ports.space,
                "https://hooks.example.com/in", List.of(type), Optional.empty())).endpoint();
    }

    private WebhookEvent event(String id, String type, Instant at) {
        return new WebhookEvent(id, ports.space, WebhookEventType.subscribable(type), at, "{\"event_id\":\"" + id + "\"}");
    }

    private WebhookDelivery only(WebhookEndpoint endpoint) {
        List<WebhookDelivery> page = ports.deliveries.page(endpoint.id(), Optional.empty(), Optional.empty(), 10);
        assertThat(page).hasSize(1);
        return page.get(0);
    }
}
