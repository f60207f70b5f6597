package com.aimabledocs.artifacts.domain.event;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A lifecycle event as the journal keeps it: its position, where it belongs, its type
 * ({@code artifact.ready}, …) and its document as sent on the events topic, with the thread IDs of its artifact
 * (for a stream filtered by thread).
 */
public record JournaledEvent(EventCursor cursor, SpaceId spaceId, ArtifactId artifactId, List<String> threadIds,
                             String eventType, String payload, Instant occurredAt) {

    public JournaledEvent {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(artifactId, "artifactId");
        threadIds = List.copyOf(threadIds);
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
