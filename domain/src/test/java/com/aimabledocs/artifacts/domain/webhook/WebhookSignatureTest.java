package com.aimabledocs.artifacts.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures, checked by the Standard Webhooks reference library rather than by our own code. */
class WebhookSignatureTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BODY = "{\"type\":\"artifact.ready\",\"timestamp\":\"2026-12-05T00:00:00Z\",\"data\":{\"a\":1}}";

    @Test
    void theReferenceLibraryAcceptsOurSignature() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(RANDOM);
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(List.of(secret), "evt_1", now, BODY);

        new Webhook(secret.reveal()).verify(BODY, headers("evt_1", now, header));
        assertThat(header).startsWith("v1,").doesNotContain(" ");
    }

    @Test
    void duringARotationEitherSecretVerifies() throws Exception {
        WebhookSecret current = WebhookSecret.generate(RANDOM);
        WebhookSecret previous = WebhookSecret.generate(RANDOM);
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(List.of(current, previous), "evt_2", now, BODY);

        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        new Webhook(current.reveal()).verify(BODY, headers("evt_2", now, header));
        new Webhook(previous.reveal()).verify(BODY, headers("evt_2", now, header));
    }

    @Test
    void aChangedBodyIdOrOtherSecretFailsVerification() {
        WebhookSecret secret = WebhookSecret.generate(RANDOM);
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(List.of(secret), "evt_3", now, BODY);

        assertThatThrownBy(() -> new Webhook(secret.reveal()).verify(BODY + " ", headers("evt_3", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret.reveal()).verify(BODY, headers("evt_4", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate(RANDOM).reveal())
                .verify(BODY, headers("evt_3", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theSecretIsWhsecAndBase64OfThirtyTwoBytesAndNeverPrinted() {
        WebhookSecret secret = WebhookSecret.generate(RANDOM);
        assertThat(secret.reveal()).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.reveal().substring(6))).hasSize(32);
        assertThat(WebhookSecret.parse(secret.reveal())).isEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.reveal().substring(6));
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
