package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RotateWebhookSecretServiceTest {

    private final WebhookTestPorts ports = new WebhookTestPorts();

    @Test
    void rotate_givesANewSecret_andThePreviousOneSignsForTheOverlap() {
        var registered = ports.registered();

        var rotated = ports.rotate.rotate(ports.manager(), ports.space, registered.endpoint().id());

        assertThat(rotated.secret()).isNotEqualTo(registered.secret());
        var stored = ports.endpoints.findById(ports.space, registered.endpoint().id()).orElseThrow();
        assertThat(stored.secret()).isEqualTo(rotated.secret());
        assertThat(stored.previousSecret()).contains(registered.secret());
        assertThat(stored.previousSecretUntil()).contains(ports.clock.peek().plus(WebhookTestPorts.OVERLAP));
        assertThat(stored.signingSecrets(ports.clock.peek())).containsExactly(rotated.secret(), registered.secret());
        assertThat(rotated.endpoint().previousSecretUntil()).isEqualTo(stored.previousSecretUntil());
    }
}
