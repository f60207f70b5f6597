package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.NotFoundException;

public final class ArtifactNotFoundException extends NotFoundException {

    public ArtifactNotFoundException(ArtifactId id) {
        super("artifact", id);
    }
}
