package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every lifecycle event, kept a while in order, for clients that follow a space live and resume after a
 * disconnection. Appended in the transaction of the change (by the publisher of the events topic), so an event is
 * in the journal exactly when its change committed. Reads hand out an event only once every transaction that could
 * still add an earlier one has ended: a reader that moved past a cursor never misses an event before it.
 */
public interface EventJournal {

    /** Adds an event in the caller's transaction; its entry carries the artifact's thread IDs as stored then. */
    void append(SpaceId spaceId, ArtifactId artifactId, String eventType, String payload, Instant occurredAt);

    /** Up to {@code limit} events of {@code space} after {@code after} (from the oldest kept when empty), in order. */
    List<JournaledEvent> readSpace(SpaceId space, Optional<EventCursor> after, int limit);

    /** Up to {@code limit} events of every space after {@code after}, in order: the live tail. */
    List<JournaledEvent> readAll(EventCursor after, int limit);

    /** The position of the last event readers may see now (a cursor before everything when there is none). */
    EventCursor head();

    /** Whether events after {@code cursor} may have been deleted already (it is older than the oldest kept). */
    boolean hasExpired(EventCursor cursor);

    /** Deletes up to {@code limit} events older than {@code cutoff}, always keeping the newest; returns how many. */
    int purgeBefore(Instant cutoff, int limit);
}
