package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.PurgeDeletedArtifactsUseCase;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Purges in batches, each one transaction: claim a batch of deleted, unpurged artifacts (skipping rows
 * another replica holds), delete their objects, mark them purged. Deleting a missing object is not an
 * error, so a batch interrupted half-way is simply done again.
 */
public final class PurgeDeletedArtifactsService implements PurgeDeletedArtifactsUseCase {

    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);
    static final int BATCH = 100;

    private final ArtifactRepository artifacts;
    private final ObjectStore objects;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration grace;

    public PurgeDeletedArtifactsService(ArtifactRepository artifacts, ObjectStore objects,
                                        UnitOfWork unitOfWork, Clock clock, Duration grace) {
        this.artifacts = artifacts;
        this.objects = objects;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the purge grace period must not be negative");
        }
    }

    @Override
    public Purged purge() {
        Instant cutoff = clock.now().minus(grace);
        int total = 0;
        while (true) {
            int purged = unitOfWork.inTransaction(() -> purgeBatch(cutoff));
            total += purged;
            if (purged < BATCH) {
                return new Purged(cutoff, total);
            }
        }
    }

    private int purgeBatch(Instant cutoff) {
        var batch = artifacts.claimDeletedUnpurged(cutoff, BATCH);
        for (Artifact artifact : batch) {
            objects.delete(ObjectKey.contentOf(artifact.spaceId(), artifact.id()));
            artifacts.markPurged(artifact.spaceId(), artifact.id());
        }
        return batch.size();
    }
}
