package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.port.in.ChangeWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointNotFoundException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookTargetRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeWebhookEndpointServiceTest {

    private final WebhookTestPorts ports = new WebhookTestPorts();
    private final WebhookEndpoint endpoint = ports.endpoint();

    private WebhookEndpoint change(Optional<String> url, Optional<List<String>> types,
                                   Optional<Optional<String>> description, Optional<Boolean> enabled) {
        ports.clock.advance(Duration.ofMinutes(1));
        return ports.change.change(ports.manager(), new ChangeWebhookEndpointUseCase.Command(ports.space,
                endpoint.id(), url, types, description, enabled));
    }

    private WebhookEndpoint stored() {
        return ports.endpoints.findById(ports.space, endpoint.id()).orElseThrow();
    }

    @Test
    void givenNoField_change_changesOnlyUpdatedAt() {
        WebhookEndpoint changed = change(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(changed.url()).isEqualTo(endpoint.url());
        assertThat(changed.eventTypes()).isEqualTo(endpoint.eventTypes());
        assertThat(changed.description()).isEqualTo(endpoint.description());
        assertThat(changed.secret()).isEqualTo(endpoint.secret());
        assertThat(stored().updatedAt()).isEqualTo(changed.updatedAt()).isAfter(endpoint.updatedAt());
    }

    @Test
    void change_setsEachGivenField() {
        ports.dns.put("new.example.com", List.of(WebhookTestPorts.address("93.184.215.15")));

        change(Optional.of("https://new.example.com/hook"), Optional.of(List.of("job.succeeded")),
                Optional.of(Optional.of("renamed")), Optional.empty());

        assertThat(stored().url().toString()).isEqualTo("https://new.example.com/hook");
        assertThat(stored().eventTypes()).containsExactly(new WebhookEventType("job.succeeded"));
        assertThat(stored().description()).contains("renamed");
        assertThat(ports.lookedUpInTransaction).isFalse();
    }

    @Test
    void givenAnEmptyDescription_change_removesIt() {
        change(Optional.empty(), Optional.empty(), Optional.of(Optional.empty()), Optional.empty());

        assertThat(stored().description()).isEmpty();
    }

    @Test
    void givenAUrlThePolicyRefuses_change_changesNothing() {
        ports.dns.put("internal.example.com", List.of(WebhookTestPorts.address("127.0.0.1")));

        assertThatThrownBy(() -> change(Optional.of("https://internal.example.com/"), Optional.of(List.of("job.failed")),
                Optional.empty(), Optional.empty())).isInstanceOf(WebhookTargetRefusedException.class);
        assertThat(stored()).isEqualTo(endpoint);
    }

    @Test
    void givenUnknownOrNoEventTypes_change_isInvalidEventTypes() {
        for (List<String> types : List.of(List.of("nope"), List.<String>of())) {
            assertThatThrownBy(() -> change(Optional.empty(), Optional.of(types), Optional.empty(), Optional.empty()))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("event_types"));
        }
    }

    @Test
    void disable_endsPendingDeliveriesAsFailed_andEnableForgetsTheReason() {
        var pending = ports.sendTest.sendTest(ports.manager(), ports.space, endpoint.id());

        WebhookEndpoint disabled = change(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false));

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabled().orElseThrow().reason()).isEqualTo(WebhookEndpoint.DisabledReason.MANUAL);
        assertThat(ports.deliveries.findById(endpoint.id(), pending.id()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.FAILED);
        assertThat(ports.unitOfWork.transactions()).isEqualTo(3);

        WebhookEndpoint enabled = change(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true));

        assertThat(enabled.enabled()).isTrue();
        assertThat(stored().disabled()).isEmpty();
    }

    @Test
    void givenAnUnknownEndpoint_change_isNotFoundBeforeAnyLookUp() {
        var command = new ChangeWebhookEndpointUseCase.Command(ports.space, WebhookEndpointId.of(TestIds.next()),
                Optional.of("https://hooks.example.com/x"), Optional.empty(), Optional.empty(), Optional.empty());
        ports.lookups.clear();

        assertThatThrownBy(() -> ports.change.change(ports.manager(), command))
                .isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThat(ports.lookups).isEmpty();
    }
}
