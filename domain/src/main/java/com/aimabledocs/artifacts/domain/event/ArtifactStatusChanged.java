package com.aimabledocs.artifacts.domain.event;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An artifact entered {@code artifact.status()}: it was requested ({@code previous} empty), or it moved on from
 * {@code previous}.
 */
public record ArtifactStatusChanged(Artifact artifact, Optional<ArtifactStatus> previous) implements LifecycleEvent {

    public ArtifactStatusChanged {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(previous, "previous");
        if (previous.filter(artifact.status()::equals).isPresent()) {
            throw new IllegalArgumentException("artifact " + artifact.id() + " is still " + artifact.status().wireName());
        }
    }

    /** A new artifact, in its first status. */
    public static ArtifactStatusChanged created(Artifact artifact) {
        return new ArtifactStatusChanged(artifact, Optional.empty());
    }

    /** The transition from {@code before} to {@code after}, which must be in another status. */
    public static ArtifactStatusChanged between(Artifact before, Artifact after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("not the same artifact: " + before.id() + ", " + after.id());
        }
        return new ArtifactStatusChanged(after, Optional.of(before.status()));
    }

    @Override
    public SpaceId spaceId() {
        return artifact.spaceId();
    }

    @Override
    public ArtifactId artifactId() {
        return artifact.id();
    }

    @Override
    public Instant occurredAt() {
        return artifact.updatedAt();
    }
}
