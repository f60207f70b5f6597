package com.aimabledocs.artifacts.adapters.rest.events;

import com.aimabledocs.artifacts.application.port.in.PurgeEventJournalUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Purges journaled events older than {@code artifacts.events.retention}, and expired event tokens, on a schedule.
 * Every replica runs it; batches skip rows another purge holds. A failed run is logged and tried again later.
 */
@ApplicationScoped
public class EventJournalPurge {

    private static final Logger LOG = Logger.getLogger(EventJournalPurge.class);

    private final PurgeEventJournalUseCase purge;

    EventJournalPurge(PurgeEventJournalUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(identity = "event-journal-purge", every = "${artifacts.events.purge-every:10m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            PurgeEventJournalUseCase.Purged purged = purge.purge();
            if (purged.events() + purged.tokens() > 0) {
                LOG.infof("purged %d events older than %s and %d expired event tokens", purged.events(),
                        purged.cutoff(), purged.tokens());
            }
        } catch (RuntimeException e) {
            LOG.warnf("event journal purge failed (%s); trying again at the next run", e.getMessage());
        }
    }
}
