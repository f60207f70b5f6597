package com.aimabledocs.artifacts.domain.event;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;

/**
 * Something that happened to an artifact or one of its jobs and that other services may want to know: a job or
 * an artifact entered a status. A use case records each one through the
 * {@link com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher} in the transaction that stores the
 * change, so an event exists exactly when its change committed.
 */
public sealed interface LifecycleEvent permits JobStatusChanged, ArtifactStatusChanged {

    SpaceId spaceId();

    /** Events of one artifact are delivered in the order they happened. */
    ArtifactId artifactId();

    Instant occurredAt();
}
