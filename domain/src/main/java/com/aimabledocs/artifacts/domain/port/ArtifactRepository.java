package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
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
}
