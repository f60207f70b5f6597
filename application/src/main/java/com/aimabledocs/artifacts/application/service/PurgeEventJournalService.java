package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.PurgeEventJournalUseCase;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.EventJournal;
import com.aimabledocs.artifacts.domain.port.EventTokenStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Deletes in batches, each its own transaction, until a batch comes back short. */
public final class PurgeEventJournalService implements PurgeEventJournalUseCase {

    static final int BATCH = 5000;

    private final EventJournal journal;
    private final EventTokenStore tokens;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration retention;

    public PurgeEventJournalService(EventJournal journal, EventTokenStore tokens, UnitOfWork unitOfWork, Clock clock,
                                    Duration retention) {
        this.journal = journal;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the event retention must be positive");
        }
    }

    @Override
    public Purged purge() {
        Instant now = clock.now();
        Instant cutoff = now.minus(retention);
        int events = 0;
        int deleted;
        do {
            deleted = unitOfWork.inTransaction(() -> journal.purgeBefore(cutoff, BATCH));
            events += deleted;
        } while (deleted == BATCH);
        int tokensDeleted = 0;
        do {
            deleted = unitOfWork.inTransaction(() -> tokens.purgeExpired(now, BATCH));
            tokensDeleted += deleted;
        } while (deleted == BATCH);
        return new Purged(cutoff, events, tokensDeleted);
    }
}
