package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.space.SpaceId;

/**
 * Deletes an artifact: it leaves lists, its download answers {@code artifact_gone}, its unfinished jobs are
 * canceled, and its stored bytes are purged after a grace period. Deleting a deleted artifact is a no-op.
 */
public interface DeleteArtifactUseCase {

    void delete(Principal principal, SpaceId spaceId, ArtifactId artifactId);
}
