package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointNotFoundException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Listing, reading and deleting a space's endpoints. */
class WebhookEndpointQueriesTest {

    private final WebhookTestPorts ports = new WebhookTestPorts();

    @Test
    void list_isNewestFirst() {
        var first = ports.endpoint();
        ports.clock.advance(Duration.ofSeconds(1));
        var second = ports.endpoint();

        assertThat(ports.list.list(ports.manager(), ports.space)).containsExactly(second, first);
    }

    @Test
    void get_returnsTheEndpoint_andAnUnknownOneIsNotFound() {
        var endpoint = ports.endpoint();

        assertThat(ports.get.get(ports.manager(), ports.space, endpoint.id())).isEqualTo(endpoint);
        assertThatThrownBy(() -> ports.get.get(ports.manager(), ports.space, WebhookEndpointId.of(TestIds.next())))
                .isInstanceOf(WebhookEndpointNotFoundException.class);
    }

    @Test
    void delete_removesTheEndpoint_andDeletingAgainIsNotFound() {
        var endpoint = ports.endpoint();

        ports.delete.delete(ports.manager(), ports.space, endpoint.id());

        assertThat(ports.endpoints.all()).isEmpty();
        assertThatThrownBy(() -> ports.delete.delete(ports.manager(), ports.space, endpoint.id()))
                .isInstanceOf(WebhookEndpointNotFoundException.class);
    }
}
