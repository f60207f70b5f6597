package com.aimabledocs.artifacts.adapters.webhooks;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks are sent and which targets they may reach ({@code artifacts.webhooks.*}).
 *
 * <p>Single properties rather than a {@code @ConfigMapping}: a mapping at {@code artifacts.webhooks} would make
 * Quarkus refuse to start on every key under that prefix it does not map (SRCFG00050 "does not map to any root"),
 * and the apps' other webhook keys (retry schedule, timeout, secrets...) are read by other config classes, not all
 * of them present in both apps.
 */
@Singleton
public class WebhookSenderConfig {

    /**
     * Allows {@code http} and loopback, private and shared addresses as targets: for development only. Link-local
     * addresses and cloud metadata services stay refused.
     */
    @ConfigProperty(name = "artifacts.webhooks.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    /** Open connections to one receiver (scheme, host and port) at most. */
    @ConfigProperty(name = "artifacts.webhooks.max-connections-per-route", defaultValue = "20")
    int maxConnectionsPerRoute;

    /** Open connections to all receivers at most. */
    @ConfigProperty(name = "artifacts.webhooks.max-connections", defaultValue = "200")
    int maxConnections;

    public boolean allowPrivateTargets() {
        return allowPrivateTargets;
    }

    public int maxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    public int maxConnections() {
        return maxConnections;
    }
}
