package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.application.port.in.PurgeIdempotencyKeysUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Purges Idempotency-Keys older than {@code artifacts.idempotency.retention} on a schedule. Every replica
 * runs it; the purge is one {@code DELETE}, so concurrent runs only share the work. A failed run (database
 * down) is logged and tried again at the next tick.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final PurgeIdempotencyKeysUseCase purge;

    IdempotencyKeyPurge(PurgeIdempotencyKeysUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(identity = "idempotency-key-purge", every = "${artifacts.idempotency.purge-every:10m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            PurgeIdempotencyKeysUseCase.Purged purged = purge.purge();
            if (purged.count() > 0) {
                LOG.infof("purged %d idempotency keys older than %s", purged.count(), purged.cutoff());
            } else {
                LOG.debugf("no idempotency keys older than %s to purge", purged.cutoff());
            }
        } catch (RuntimeException e) {
            LOG.warnf("idempotency key purge failed (%s); trying again at the next run", e.getMessage());
        }
    }
}
