package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import java.util.Optional;

/** CDI event fired inside the transaction that stored an artifact in a new status; see {@link JobStatusChanged}. */
public record ArtifactStatusChanged(Artifact artifact, Optional<ArtifactStatus> previous) {
}
