package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.port.in.ChangeWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.RetrySchedule;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryNotFoundException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointDisabledException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Test deliveries, the delivery log and retries on request. */
class WebhookDeliveryServicesTest {

    private final WebhookTestPorts ports = new WebhookTestPorts();
    private final WebhookEndpoint endpoint = ports.endpoint();

    private WebhookDelivery sendTest() {
        ports.clock.advance(Duration.ofSeconds(1));
        return ports.sendTest.sendTest(ports.manager(), ports.space, endpoint.id());
    }

    private void disable() {
        ports.change.change(ports.manager(), new ChangeWebhookEndpointUseCase.Command(ports.space, endpoint.id(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));
    }

    /** The delivery after one failed attempt (a 500), stored with its attempt. */
    private WebhookDelivery failedOnce(WebhookDelivery delivery) {
        var attempt = new DeliveryAttempt(delivery.id(), 1, ports.clock.peek(), Duration.ofMillis(20), Optional.of(500),
                Optional.of("oops"), Optional.empty());
        ports.deliveries.addAttempt(attempt);
        WebhookDelivery failed = delivery.attempted(attempt, RetrySchedule.parse("0s,5m", 0), () -> 0.5);
        ports.deliveries.update(failed);
        return failed;
    }

    @Test
    void sendTest_queuesAWebhookTestDueNow() {
        WebhookDelivery delivery = sendTest();

        assertThat(ports.deliveries.all()).containsExactly(delivery);
        assertThat(delivery.eventType()).isEqualTo(WebhookEventType.TEST);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.nextAttemptAt()).contains(ports.clock.peek());
        assertThat(delivery.endpointId()).isEqualTo(endpoint.id());
        assertThat(delivery.body()).contains("\"type\":\"webhook.test\"")
                .contains("\"endpoint_id\":\"" + endpoint.id() + "\"");
        assertThat(sendTest().eventId()).as("each test is a new event").isNotEqualTo(delivery.eventId());
    }

    @Test
    void givenADisabledEndpoint_sendTestAndRetry_areRefused() {
        WebhookDelivery delivery = sendTest();
        disable();

        assertThatThrownBy(this::sendTest).isInstanceOf(WebhookEndpointDisabledException.class);
        assertThatThrownBy(() -> ports.retry.retry(ports.manager(), ports.space, endpoint.id(), delivery.id()))
                .isInstanceOf(WebhookEndpointDisabledException.class);
        assertThat(ports.deliveries.all()).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED));
    }

    @Test
    void retry_makesAFailedDeliveryDueNowKeepingItsEventAndAttempts() {
        WebhookDelivery failed = failedOnce(sendTest());
        disable();
        ports.change.change(ports.manager(), new ChangeWebhookEndpointUseCase.Command(ports.space, endpoint.id(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)));
        ports.clock.advance(Duration.ofMinutes(1));

        WebhookDelivery retried = ports.retry.retry(ports.manager(), ports.space, endpoint.id(), failed.id());

        assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(retried.nextAttemptAt()).contains(ports.clock.peek());
        assertThat(retried.eventId()).isEqualTo(failed.eventId());
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(ports.deliveries.findById(endpoint.id(), failed.id())).contains(retried);
    }

    @Test
    void givenAnUnknownDelivery_retryAndGet_areNotFound() {
        var unknown = WebhookDeliveryId.of(TestIds.next());

        assertThatThrownBy(() -> ports.retry.retry(ports.manager(), ports.space, endpoint.id(), unknown))
                .isInstanceOf(WebhookDeliveryNotFoundException.class);
        assertThatThrownBy(() -> ports.listDeliveries.get(ports.manager(), ports.space, endpoint.id(), unknown))
                .isInstanceOf(WebhookDeliveryNotFoundException.class);
    }

    @Test
    void list_walksTheLogNewestFirstPageByPage_withEachDeliverysAttempts() {
        List<WebhookDelivery> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(sendTest());
        }
        WebhookDelivery failed = failedOnce(sent.get(3));

        var first = ports.listDeliveries.list(ports.manager(), ports.space, endpoint.id(), Optional.empty(),
                Optional.empty(), 2);
        var second = ports.listDeliveries.list(ports.manager(), ports.space, endpoint.id(), Optional.empty(),
                first.next(), 2);
        var third = ports.listDeliveries.list(ports.manager(), ports.space, endpoint.id(), Optional.empty(),
                second.next(), 2);

        assertThat(first.items()).extracting(e -> e.delivery().id()).containsExactly(sent.get(4).id(), failed.id());
        assertThat(first.items().get(0).attempts()).isEmpty();
        assertThat(first.items().get(1).attempts()).singleElement()
                .satisfies(a -> assertThat(a.httpStatus()).contains(500));
        assertThat(first.next()).contains(failed.id());
        assertThat(second.items()).extracting(e -> e.delivery().id()).containsExactly(sent.get(2).id(), sent.get(1).id());
        assertThat(third.items()).extracting(e -> e.delivery().id()).containsExactly(sent.get(0).id());
        assertThat(third.next()).as("the last page says so").isEmpty();
    }

    @Test
    void givenExactlyAPageOfDeliveries_list_saysNoMoreFollow() {
        sendTest();
        sendTest();

        var page = ports.listDeliveries.list(ports.manager(), ports.space, endpoint.id(), Optional.empty(),
                Optional.empty(), 2);

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void list_filtersByStatus() {
        sendTest();
        WebhookDelivery succeeded = sendTest();
        var attempt = new DeliveryAttempt(succeeded.id(), 1, ports.clock.peek(), Duration.ofMillis(5), Optional.of(204),
                Optional.empty(), Optional.empty());
        ports.deliveries.update(succeeded.attempted(attempt, RetrySchedule.parse("0s", 0), () -> 0.5));

        var page = ports.listDeliveries.list(ports.manager(), ports.space, endpoint.id(),
                Optional.of(DeliveryStatus.SUCCEEDED), Optional.empty(), 10);

        assertThat(page.items()).extracting(e -> e.delivery().id()).containsExactly(succeeded.id());
    }

    @Test
    void givenALimitOutOfRange_list_isInvalidLimit() {
        for (int limit : new int[] {0, 101}) {
            assertThatThrownBy(() -> ports.listDeliveries.list(ports.manager(), ports.space, endpoint.id(),
                    Optional.empty(), Optional.empty(), limit))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    @Test
    void get_returnsTheDeliveryWithItsAttempts() {
        WebhookDelivery failed = failedOnce(sendTest());

        var entry = ports.listDeliveries.get(ports.manager(), ports.space, endpoint.id(), failed.id());

        assertThat(entry.delivery()).isEqualTo(failed);
        assertThat(entry.attempts()).extracting(DeliveryAttempt::number).containsExactly(1);
    }
}
