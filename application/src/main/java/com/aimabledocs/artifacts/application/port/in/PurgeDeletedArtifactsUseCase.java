package com.aimabledocs.artifacts.application.port.in;

import java.time.Instant;

/**
 * Removes the stored bytes (content and any staged copies) of artifacts deleted longer ago than the grace
 * period. Safe to run on several replicas at once.
 */
public interface PurgeDeletedArtifactsUseCase {

    Purged purge();

    /**
     * @param cutoff artifacts deleted before this were purged
     * @param count  how many
     */
    record Purged(Instant cutoff, int count) {
    }
}
