package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ArtifactRepository {

    void add(Artifact artifact);

    /**
     * Stores a transition of an artifact read earlier.
     *
     * @throws com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException if it changed since it was read
     */
    void update(Artifact artifact);

    Optional<Artifact> findById(SpaceId spaceId, ArtifactId id);

    /** One page of a keyset walk, newest first ({@code created_at desc, id desc}). */
    List<Artifact> search(ArtifactSearch search);

    /**
     * Claims up to {@code limit} artifacts deleted before {@code cutoff} whose stored bytes are not purged
     * yet, for the rest of the caller's transaction; rows another transaction claimed are skipped, so
     * several purgers can run at once.
     */
    List<Artifact> claimDeletedUnpurged(Instant cutoff, int limit);

    /** Records that the deleted artifact's stored bytes are gone. */
    void markPurged(SpaceId spaceId, ArtifactId id);
}
