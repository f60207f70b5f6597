package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle events of a space after a cursor, for a client catching up after a disconnection.
 *
 * @throws com.aimabledocs.artifacts.domain.event.CursorExpiredException when events after the cursor were purged
 */
public interface ReadSpaceEventsQuery {

    List<JournaledEvent> read(Principal principal, SpaceId spaceId, Optional<EventCursor> after, int limit);

    /** Checks that {@code principal} may follow the space's events, before anything is streamed. */
    void authorize(Principal principal, SpaceId spaceId);
}
