package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.port.in.RegisterWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointLimitException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import com.aimabledocs.artifacts.domain.webhook.WebhookTargetRefusedException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterWebhookEndpointServiceTest {

    private final WebhookTestPorts ports = new WebhookTestPorts();

    private RegisterWebhookEndpointUseCase.Registered register(String url, List<String> types) {
        return ports.register.register(ports.manager(),
                new RegisterWebhookEndpointUseCase.Command(ports.space, url, types, Optional.empty()));
    }

    @Test
    void register_storesTheEndpointWithANewSecretReturnedOnce() {
        var registered = ports.registered();

        var endpoint = registered.endpoint();
        assertThat(ports.endpoints.all()).containsExactly(endpoint);
        assertThat(endpoint.spaceId()).isEqualTo(ports.space);
        assertThat(endpoint.url().toString()).isEqualTo("https://hooks.example.com/artifacts");
        assertThat(endpoint.eventTypes()).containsExactlyInAnyOrder(new WebhookEventType("artifact.ready"),
                new WebhookEventType("job.failed"));
        assertThat(endpoint.description()).contains("CI");
        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.createdAt()).isEqualTo(ports.clock.peek());
        assertThat(endpoint.secret()).isEqualTo(registered.secret());
        assertThat(registered.secret().reveal()).startsWith(WebhookSecret.PREFIX);
        assertThat(registered.secret().key()).hasSize(WebhookSecret.GENERATED_BYTES);
        assertThat(ports.unitOfWork.transactions()).isEqualTo(1);
    }

    @Test
    void twoEndpoints_getDifferentSecrets() {
        assertThat(ports.registered().secret()).isNotEqualTo(ports.registered().secret());
    }

    @Test
    void register_looksTheHostUpOutsideTheTransaction() {
        ports.registered();

        assertThat(ports.lookups).containsExactly("hooks.example.com");
        assertThat(ports.lookedUpInTransaction).isFalse();
    }

    @Test
    void givenAHostResolvingToAPrivateAddress_register_isRefusedAndStoresNothing() {
        ports.dns.put("intranet.example.com", List.of(WebhookTestPorts.address("93.184.215.14"),
                WebhookTestPorts.address("10.0.0.7")));

        assertThatThrownBy(() -> register("https://intranet.example.com/hook", List.of("artifact.ready")))
                .isInstanceOfSatisfying(WebhookTargetRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("webhook_target_forbidden"));
        assertThat(ports.endpoints.all()).isEmpty();
    }

    @Test
    void givenTheMetadataAddress_register_isRefused() {
        assertThatThrownBy(() -> register("https://169.254.169.254/latest", List.of("artifact.ready")))
                .isInstanceOfSatisfying(WebhookTargetRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("webhook_target_forbidden"));
    }

    @Test
    void givenHttp_register_isRefusedBeforeAnyLookUp() {
        assertThatThrownBy(() -> register("http://hooks.example.com/", List.of("artifact.ready")))
                .isInstanceOfSatisfying(WebhookTargetRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("webhook_target_not_https"));
        assertThat(ports.lookups).isEmpty();
    }

    @Test
    void givenAHostThatDoesNotResolve_register_isUnresolvable() {
        assertThatThrownBy(() -> register("https://nowhere.example.com/", List.of("artifact.ready")))
                .isInstanceOfSatisfying(WebhookTargetRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("webhook_target_unresolvable"));
    }

    @Test
    void givenAMalformedUrl_register_isInvalidUrlBeforeAnyLookUp() {
        assertThatThrownBy(() -> register("not a url", List.of("artifact.ready")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("url"));
        assertThat(ports.lookups).isEmpty();
    }

    @Test
    void givenUnknownNoOrTestEventTypes_register_isInvalidEventTypes() {
        for (List<String> types : List.of(List.of("artifact.ready", "artifact.exploded"), List.<String>of(),
                List.of("webhook.test"))) {
            assertThatThrownBy(() -> register("https://hooks.example.com/", types))
                    .as("%s", types)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("event_types"));
        }
        assertThat(ports.endpoints.all()).isEmpty();
    }

    @Test
    void givenTheSpaceAtItsLimit_register_isRefusedAndStoresNothingMore() {
        for (int i = 0; i < WebhookTestPorts.MAX_ENDPOINTS; i++) {
            ports.registered();
        }

        assertThatThrownBy(ports::registered).isInstanceOfSatisfying(WebhookEndpointLimitException.class,
                e -> assertThat(e.code()).isEqualTo("webhook_endpoint_limit_reached"));
        assertThat(ports.endpoints.all()).hasSize(WebhookTestPorts.MAX_ENDPOINTS);
    }
}
