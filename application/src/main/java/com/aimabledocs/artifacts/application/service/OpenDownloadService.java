package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;

public final class OpenDownloadService implements OpenDownloadQuery {

    private final ArtifactRepository artifacts;
    private final ObjectStore objects;
    private final UnitOfWork unitOfWork;

    public OpenDownloadService(ArtifactRepository artifacts, ObjectStore objects, UnitOfWork unitOfWork) {
        this.artifacts = artifacts;
        this.objects = objects;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Download open(Principal principal, SpaceId spaceId, ArtifactId artifactId) {
        principal.authorize(spaceId, Scope.ARTIFACTS_READ);
        Artifact artifact = unitOfWork.inTransaction(() -> artifacts.findById(spaceId, artifactId))
                .orElseThrow(() -> new ArtifactNotFoundException(artifactId));
        StoredContent content = artifact.downloadableContent();
        ObjectStore.ObjectContent body = objects.open(ObjectKey.contentOf(spaceId, artifactId))
                .orElseThrow(() -> new IllegalStateException("artifact " + artifactId + " is ready but its content is missing"));
        return new Download(artifact, content, body);
    }
}
