package com.aimabledocs.artifacts.adapters.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a broker answers a metadata request within a few seconds. The worker keeps it: it cannot
 * work without Kafka. The API turns it off ({@code quarkus.smallrye-health.check."<this class>".enabled=false}):
 * it accepts requests into its outbox while Kafka is down, and {@link OutboxRelayHealthCheck} reports that
 * (ADR 0016).
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final KafkaProbe kafka;

    KafkaReadinessCheck(KafkaProbe kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaProbe.Result result = kafka.probe();
        if (result.reachable()) {
            return HealthCheckResponse.named("kafka").up().withData("cluster_id", result.clusterId().get()).build();
        }
        return HealthCheckResponse.named("kafka").down().withData("error", result.error().orElse("unknown")).build();
    }
}
