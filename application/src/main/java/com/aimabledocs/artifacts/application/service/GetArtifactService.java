package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.GetArtifactQuery;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;

/** One artifact of the caller's space: a single-statement {@link UnitOfWork#read read}, no transaction. */
public final class GetArtifactService implements GetArtifactQuery {

    private final ArtifactRepository artifacts;
    private final UnitOfWork unitOfWork;

    public GetArtifactService(ArtifactRepository artifacts, UnitOfWork unitOfWork) {
        this.artifacts = artifacts;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Artifact get(Principal principal, SpaceId spaceId, ArtifactId artifactId) {
        principal.authorize(spaceId, Scope.ARTIFACTS_READ);
        return unitOfWork.read(() -> artifacts.findById(spaceId, artifactId))
                .orElseThrow(() -> new ArtifactNotFoundException(artifactId));
    }
}
