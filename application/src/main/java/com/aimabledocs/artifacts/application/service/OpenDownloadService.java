package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.ObjectStore.ResponseOverrides;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

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
    public Downloadable find(Principal principal, SpaceId spaceId, ArtifactId artifactId) {
        principal.authorize(spaceId, Scope.ARTIFACTS_READ);
        Artifact artifact = unitOfWork.inTransaction(() -> artifacts.findById(spaceId, artifactId))
                .orElseThrow(() -> new ArtifactNotFoundException(artifactId));
        return new Downloadable(artifact, artifact.downloadableContent());
    }

    @Override
    public Download open(Downloadable downloadable, Optional<ByteRange> range) {
        Artifact artifact = downloadable.artifact();
        ObjectKey key = ObjectKey.contentOf(artifact.spaceId(), artifact.id());
        range.ifPresent(r -> {
            if (r.last() >= downloadable.content().sizeBytes()) {
                throw new IllegalArgumentException("range " + r + " lies beyond the content's "
                        + downloadable.content().sizeBytes() + " bytes");
            }
        });
        ObjectStore.ObjectContent body = (range.isPresent() ? objects.open(key, range.get()) : objects.open(key))
                .orElseThrow(() -> new IllegalStateException("artifact " + artifact.id() + " is ready but its content is missing"));
        return new Download(artifact, downloadable.content(), body);
    }

    @Override
    public URI presign(Downloadable downloadable, Duration validFor, ResponseOverrides overrides) {
        Artifact artifact = downloadable.artifact();
        return objects.presignGet(ObjectKey.contentOf(artifact.spaceId(), artifact.id()), validFor, overrides);
    }
}
