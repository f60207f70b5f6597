package com.aimabledocs.artifacts.adapters.webhooks;

import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.port.WebhookSender;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Wires the webhook target policy, the host resolver and the sender from {@link WebhookSenderConfig}. The API uses
 * the policy and the resolver to check a target when an endpoint is registered; the worker sends through the
 * sender, which checks again on every connection.
 */
@ApplicationScoped
public class WebhookSenderProducer {

    /** A {@code @Singleton}: the policy is an immutable record, which a client proxy could not subclass. */
    @Produces
    @Singleton
    TargetPolicy targetPolicy(WebhookSenderConfig config) {
        return new TargetPolicy(config.allowPrivateTargets());
    }

    @Produces
    @ApplicationScoped
    HostResolver hostResolver() {
        return new DnsHostResolver();
    }

    @Produces
    @ApplicationScoped
    WebhookSender webhookSender(HostResolver resolver, TargetPolicy policy, WebhookSenderConfig config) {
        return new ApacheWebhookSender(resolver, policy, config.maxConnectionsPerRoute(), config.maxConnections());
    }

    void close(@Disposes WebhookSender sender) {
        if (sender instanceof ApacheWebhookSender apache) {
            apache.close();
        }
    }
}
