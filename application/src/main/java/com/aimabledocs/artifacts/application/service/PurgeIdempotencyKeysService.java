package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.PurgeIdempotencyKeysUseCase;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Deletes every key older than the retention in one transaction. */
public final class PurgeIdempotencyKeysService implements PurgeIdempotencyKeysUseCase {

    /** What clients are promised at least: a retry within a day replays instead of creating again. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    private final IdempotencyStore idempotency;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration retention;

    public PurgeIdempotencyKeysService(IdempotencyStore idempotency, UnitOfWork unitOfWork, Clock clock,
                                       Duration retention) {
        this.idempotency = idempotency;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the idempotency retention must be positive");
        }
    }

    @Override
    public Purged purge() {
        Instant cutoff = clock.now().minus(retention);
        int count = unitOfWork.inTransaction(() -> idempotency.purgeBefore(cutoff));
        return new Purged(cutoff, count);
    }
}
