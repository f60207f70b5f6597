package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.Outbox.Backlog;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the outbox relay keeps up, at {@code /q/health/group/outbox-relay}: DOWN while Kafka is unreachable or
 * the oldest unsent outbox row is older than {@code artifacts.messaging.relay.degraded-after}. For alerting, not
 * for readiness: in its own health group, it is in neither {@code /q/health/ready} nor {@code /q/health/live},
 * so a Kafka outage leaves the API in service (ADR 0016). The backlog is {@link OutboxBacklogMetrics}'s last
 * refresh (every {@code artifacts.messaging.backlog-poll-every}); a call never queries the database.
 */
@HealthGroup(OutboxRelayHealthCheck.GROUP)
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {

    static final String GROUP = "outbox-relay";

    private final KafkaProbe kafka;
    private final OutboxBacklogMetrics backlog;
    private final Clock clock;
    private final Duration degradedAfter;

    OutboxRelayHealthCheck(KafkaProbe kafka, OutboxBacklogMetrics backlog, Clock clock, MessagingConfig config) {
        this.kafka = kafka;
        this.backlog = backlog;
        this.clock = clock;
        this.degradedAfter = config.relay().degradedAfter();
    }

    @Override
    public HealthCheckResponse call() {
        KafkaProbe.Result probe = kafka.probe();
        Backlog last = backlog.last();
        return evaluate(probe, last, OutboxBacklogMetrics.oldestUnsentAge(last, clock.now()), degradedAfter);
    }

    static HealthCheckResponse evaluate(KafkaProbe.Result probe, Backlog backlog, Duration oldestUnsentAge,
                                        Duration degradedAfter) {
        boolean degraded = !probe.reachable() || oldestUnsentAge.compareTo(degradedAfter) > 0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named(GROUP).status(!degraded)
                .withData("kafka_reachable", probe.reachable())
                .withData("unsent_rows", backlog.unsent())
                .withData("oldest_unsent_age_seconds", oldestUnsentAge.toSeconds())
                .withData("degraded_after_seconds", degradedAfter.toSeconds());
        probe.error().ifPresent(error -> response.withData("kafka_error", error));
        return response.build();
    }
}
