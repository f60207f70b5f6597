package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The artifact exists but has no content to serve: {@code artifact_not_ready} or {@code artifact_failed}. */
public final class ArtifactNotDownloadableException extends DomainException {

    private final ArtifactStatus status;

    public ArtifactNotDownloadableException(ArtifactId id, ArtifactStatus status) {
        super(status == ArtifactStatus.FAILED ? "artifact_failed" : "artifact_not_ready",
                status == ArtifactStatus.FAILED
                        ? "artifact %s failed and has no content".formatted(id)
                        : "artifact %s is %s; download it once it is ready".formatted(id, status.wireName()));
        this.status = status;
    }

    public ArtifactStatus status() {
        return status;
    }
}
