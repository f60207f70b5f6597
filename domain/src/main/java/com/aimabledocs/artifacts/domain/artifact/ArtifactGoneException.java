package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The artifact was deleted: its content is gone for good ({@code artifact_gone}). */
public final class ArtifactGoneException extends DomainException {

    public ArtifactGoneException(ArtifactId id) {
        super("artifact_gone", "artifact %s was deleted".formatted(id));
    }
}
