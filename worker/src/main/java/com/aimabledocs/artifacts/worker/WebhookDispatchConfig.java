package com.aimabledocs.artifacts.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the worker's webhook dispatcher sends deliveries (operations.md lists the environment variables). */
@ConfigMapping(prefix = "artifacts.webhooks.dispatch")
public interface WebhookDispatchConfig {

    /** Whether this worker dispatches webhooks at all (its event consumer and its delivery loop). */
    @WithDefault("true")
    boolean enabled();

    /** The waits before each attempt, {@code 0s,5s,5m,30m,2h,5h,10h,10h} by default (units ms, s, m, h, d). */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    String retrySchedule();

    /** Each wait is spread by up to this fraction either way. */
    @WithDefault("0.1")
    double retryJitter();

    /** The limit of one request: connecting, sending, and the answer's status and first bytes. */
    @WithDefault("10s")
    Duration timeout();

    /** An endpoint whose deliveries fail this long without a success is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** Requests this worker has in flight at most, over all endpoints. */
    @WithDefault("32")
    int maxInFlight();

    /** Requests this worker has in flight to one endpoint at most, so a slow receiver cannot take every slot. */
    @WithDefault("4")
    int maxInFlightPerEndpoint();

    /** How often the loop looks for due deliveries when nothing woke it. */
    @WithDefault("500ms")
    Duration pollEvery();

    /** Added to the timeout to make a claim's lease: a delivery whose worker died is sent again that much later. */
    @WithDefault("30s")
    Duration claimMargin();
}
