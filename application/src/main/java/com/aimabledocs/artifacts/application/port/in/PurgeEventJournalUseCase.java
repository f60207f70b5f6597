package com.aimabledocs.artifacts.application.port.in;

import java.time.Instant;

/**
 * Deletes journaled events older than the retention (a cursor before them then gets {@code cursor_expired}) and
 * event tokens that expired. Safe to run on several replicas at once.
 */
public interface PurgeEventJournalUseCase {

    Purged purge();

    record Purged(Instant cutoff, int events, int tokens) {
    }
}
