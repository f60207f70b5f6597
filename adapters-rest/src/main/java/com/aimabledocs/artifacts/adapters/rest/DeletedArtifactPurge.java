package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.application.port.in.PurgeDeletedArtifactsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Removes the stored bytes of artifacts deleted longer than {@code artifacts.deletion.grace} ago, on a
 * schedule. Every replica runs it; batches are claimed with {@code FOR UPDATE SKIP LOCKED}, so concurrent
 * runs share the work. A failed run (database or storage down) is logged and tried again at the next tick.
 */
@ApplicationScoped
public class DeletedArtifactPurge {

    private static final Logger LOG = Logger.getLogger(DeletedArtifactPurge.class);

    private final PurgeDeletedArtifactsUseCase purge;

    DeletedArtifactPurge(PurgeDeletedArtifactsUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(identity = "deleted-artifact-purge", every = "${artifacts.deletion.purge-every:10m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            PurgeDeletedArtifactsUseCase.Purged purged = purge.purge();
            if (purged.count() > 0) {
                LOG.infof("purged the stored bytes of %d artifacts deleted before %s", purged.count(), purged.cutoff());
            } else {
                LOG.debugf("no deleted artifacts older than %s to purge", purged.cutoff());
            }
        } catch (RuntimeException e) {
            LOG.warnf("purge of deleted artifacts failed (%s); trying again at the next run", e.getMessage());
        }
    }
}
