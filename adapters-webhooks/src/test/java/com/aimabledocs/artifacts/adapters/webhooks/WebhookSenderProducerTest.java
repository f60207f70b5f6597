package com.aimabledocs.artifacts.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.port.WebhookSender;
import com.aimabledocs.artifacts.domain.port.WebhookSender.NotAnswered;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The beans as the apps get them, configured from application.properties (with sibling keys it does not map). */
@QuarkusTest
class WebhookSenderProducerTest {

    @Inject
    TargetPolicy policy;

    @Inject
    HostResolver resolver;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSenderConfig config;

    @Test
    void beans_areConfiguredFromArtifactsWebhooks() {
        assertThat(policy.allowPrivate()).isTrue();
        assertThat(config.maxConnectionsPerRoute()).isEqualTo(5);
        assertThat(config.maxConnections()).isEqualTo(50);
        assertThat(resolver.resolve("localhost")).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void sender_appliesThePolicyAtConnectTime() {
        WebhookSender.Result result = sender.send(new WebhookSender.Request(
                WebhookUrl.parse("http://169.254.169.254/latest/meta-data/"), Map.of(), "{}", Duration.ofSeconds(1)));

        assertThat(result).isInstanceOfSatisfying(NotAnswered.class,
                notAnswered -> assertThat(notAnswered.error()).isEqualTo("target_refused"));
    }
}
