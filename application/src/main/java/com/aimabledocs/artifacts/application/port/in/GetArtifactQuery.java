package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.space.SpaceId;

public interface GetArtifactQuery {

    Artifact get(Principal principal, SpaceId spaceId, ArtifactId artifactId);
}
