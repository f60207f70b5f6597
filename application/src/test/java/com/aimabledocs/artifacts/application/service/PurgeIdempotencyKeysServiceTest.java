package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.PurgeIdempotencyKeysUseCase.Purged;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservation;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgeIdempotencyKeysServiceTest {

    private static final Duration RETENTION = Duration.ofHours(24);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final PurgeIdempotencyKeysService service =
            new PurgeIdempotencyKeysService(ports.idempotency, ports.unitOfWork, ports.clock, RETENTION);

    @Test
    void givenKeysOfAllAges_purge_deletesOnlyThoseOlderThanTheRetention() {
        Instant now = ports.clock.peek();
        Instant cutoff = now.minus(RETENTION);
        IdempotencyRecord old = completed("old", cutoff.minusSeconds(1));
        IdempotencyRecord recent = completed("recent", cutoff.plusSeconds(1));
        IdempotencyReservation abandonedLongAgo = reservation("abandoned", cutoff.minus(Duration.ofMinutes(10)),
                Duration.ofMinutes(5));
        IdempotencyReservation expiredRecently = reservation("expired", now.minus(Duration.ofMinutes(10)),
                Duration.ofMinutes(5));
        IdempotencyReservation inFlight = reservation("in-flight", now.minusSeconds(2), Duration.ofMinutes(5));

        Purged purged = service.purge();

        assertThat(purged.count()).isEqualTo(2);
        assertThat(purged.cutoff()).isEqualTo(cutoff);
        assertThat(ports.idempotency.entry(old.key())).isEmpty();
        assertThat(ports.idempotency.entry(abandonedLongAgo.key())).isEmpty();
        assertThat(ports.idempotency.entry(recent.key())).contains(recent);
        assertThat(ports.idempotency.entry(expiredRecently.key())).as("taken over on demand, purged later")
                .contains(expiredRecently);
        assertThat(ports.idempotency.entry(inFlight.key())).contains(inFlight);
        assertThat(ports.unitOfWork.transactions()).isEqualTo(1);
    }

    @Test
    void givenNothingOld_purge_deletesNothing() {
        completed("recent", ports.clock.peek().minusSeconds(60));

        assertThat(service.purge().count()).isZero();
        assertThat(ports.idempotency.count()).isEqualTo(1);
    }

    @Test
    void givenNonPositiveRetention_service_isRefused() {
        assertThatThrownBy(() -> new PurgeIdempotencyKeysService(ports.idempotency, ports.unitOfWork, ports.clock,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PurgeIdempotencyKeysService.DEFAULT_RETENTION).isEqualTo(Duration.ofHours(24));
    }

    private IdempotencyRecord completed(String text, Instant createdAt) {
        IdempotencyRecord record = new IdempotencyRecord(key(text), "fp", ArtifactId.of(TestIds.next()),
                JobId.of(TestIds.next()), createdAt);
        ports.idempotency.commitElsewhere(record);
        return record;
    }

    private IdempotencyReservation reservation(String text, Instant reservedAt, Duration lifetime) {
        IdempotencyReservation reservation = IdempotencyReservation.reserve(key(text), "fp", TestIds.next(),
                reservedAt, lifetime);
        ports.idempotency.commitElsewhere(reservation);
        return reservation;
    }

    private static IdempotencyKey key(String text) {
        return new IdempotencyKey(ApiKeyId.of(TestIds.next()), DEFAULT_SPACE, GenerateArtifactService.ROUTE, text);
    }
}
