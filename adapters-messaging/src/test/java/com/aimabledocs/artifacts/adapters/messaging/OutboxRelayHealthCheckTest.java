package com.aimabledocs.artifacts.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.port.Outbox.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/** {@link OutboxRelayHealthCheck}'s verdict, without Kafka or a database: DOWN when Kafka is out of reach or the backlog is old. */
class OutboxRelayHealthCheckTest {

    private static final Duration THRESHOLD = Duration.ofSeconds(60);
    private static final KafkaProbe.Result REACHABLE = new KafkaProbe.Result(Optional.of("cluster-1"), Optional.empty());
    private static final KafkaProbe.Result UNREACHABLE = new KafkaProbe.Result(Optional.empty(), Optional.of("TimeoutException"));
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void givenKafkaReachableAndNoBacklog_isUp() {
        HealthCheckResponse response = evaluate(REACHABLE, new Backlog(0, Optional.empty()));

        assertThat(response.getName()).isEqualTo("outbox-relay");
        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("kafka_reachable", true)
                .containsEntry("unsent_rows", 0L)
                .containsEntry("oldest_unsent_age_seconds", 0L)
                .containsEntry("degraded_after_seconds", 60L)
                .doesNotContainKey("kafka_error"));
    }

    @Test
    void givenKafkaReachableAndABacklogYoungerThanTheThreshold_isUp() {
        HealthCheckResponse response = evaluate(REACHABLE, new Backlog(500, Optional.of(NOW.minusSeconds(60))));

        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("unsent_rows", 500L)
                .containsEntry("oldest_unsent_age_seconds", 60L);
    }

    @Test
    void givenKafkaReachableAndABacklogOlderThanTheThreshold_isDown() {
        HealthCheckResponse response = evaluate(REACHABLE, new Backlog(3, Optional.of(NOW.minusSeconds(61))));

        assertThat(response.getStatus()).isEqualTo(Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("kafka_reachable", true)
                .containsEntry("oldest_unsent_age_seconds", 61L);
    }

    @Test
    void givenKafkaUnreachable_isDownAtOnceWithTheError() {
        HealthCheckResponse response = evaluate(UNREACHABLE, new Backlog(0, Optional.empty()));

        assertThat(response.getStatus()).isEqualTo(Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("kafka_reachable", false)
                .containsEntry("kafka_error", "TimeoutException");
    }

    @Test
    void givenARowWrittenAfterNow_ageIsZero() {
        // another replica's clock a little ahead
        assertThat(OutboxBacklogMetrics.oldestUnsentAge(new Backlog(1, Optional.of(NOW.plusSeconds(2))), NOW))
                .isEqualTo(Duration.ZERO);
    }

    private static HealthCheckResponse evaluate(KafkaProbe.Result probe, Backlog backlog) {
        return OutboxRelayHealthCheck.evaluate(probe, backlog, OutboxBacklogMetrics.oldestUnsentAge(backlog, NOW),
                THRESHOLD);
    }
}
