package com.aimabledocs.artifacts.domain.idempotency;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyReservationTest {

    private static final IdempotencyKey KEY =
            new IdempotencyKey(ApiKeyId.of(TestIds.next()), DEFAULT_SPACE, "generate-artifact", "k");
    private static final Instant NOW = DEFAULT_CREATED_AT;

    private final IdempotencyReservation reservation =
            IdempotencyReservation.reserve(KEY, "fp", TestIds.next(), NOW, Duration.ofMinutes(5));

    @Test
    void reserve_holdsTheKeyForTheLifetime() {
        assertThat(reservation.reservedAt()).isEqualTo(NOW);
        assertThat(reservation.reservedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void givenDeadlineNotPassed_reservation_isNotExpired() {
        assertThat(reservation.isExpiredAt(NOW)).isFalse();
        assertThat(reservation.isExpiredAt(NOW.plus(Duration.ofMinutes(5)))).as("at the deadline itself").isFalse();
        assertThat(reservation.isExpiredAt(NOW.plus(Duration.ofMinutes(5)).plusNanos(1000))).isTrue();
    }

    @Test
    void reservation_isHeldByItsTokenOnly() {
        assertThat(reservation.isHeldBy(reservation.token())).isTrue();
        assertThat(reservation.isHeldBy(TestIds.next())).isFalse();
    }

    @Test
    void complete_keepsKeyFingerprintAndReservationTime() {
        ArtifactId artifact = ArtifactId.of(TestIds.next());
        JobId job = JobId.of(TestIds.next());

        IdempotencyRecord record = reservation.complete(artifact, job);

        assertThat(record).isEqualTo(new IdempotencyRecord(KEY, "fp", artifact, job, NOW));
        assertThat(record.matches("fp")).isTrue();
    }

    @Test
    void givenCutoff_purgeability_countsRecordsFromFirstUseAndReservationsFromTheirDeadline() {
        IdempotencyRecord record = reservation.complete(ArtifactId.of(TestIds.next()), JobId.of(TestIds.next()));

        assertThat(record.isPurgeableBefore(NOW)).isFalse();
        assertThat(record.isPurgeableBefore(NOW.plusSeconds(1))).isTrue();
        assertThat(reservation.isPurgeableBefore(NOW.plusSeconds(1))).as("not before its deadline").isFalse();
        assertThat(reservation.isPurgeableBefore(reservation.reservedUntil().plusSeconds(1))).isTrue();
    }

    @Test
    void givenDeadlineNotAfterStart_reservation_isRefused() {
        assertThatThrownBy(() -> new IdempotencyReservation(KEY, "fp", TestIds.next(), NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inUse_carriesItsRetryHint() {
        IdempotencyKeyInUseException inUse = new IdempotencyKeyInUseException(2);

        assertThat(inUse.code()).isEqualTo("idempotency_key_in_use");
        assertThat(inUse.retryAfterSeconds()).isEqualTo(2);
        assertThatThrownBy(() -> new IdempotencyKeyInUseException(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
