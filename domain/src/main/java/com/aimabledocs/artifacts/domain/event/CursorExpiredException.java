package com.aimabledocs.artifacts.domain.event;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The events after this cursor are no longer kept ({@code cursor_expired}): the client must start afresh. */
public final class CursorExpiredException extends DomainException {

    public CursorExpiredException(EventCursor cursor) {
        super("cursor_expired", "the events after cursor %s are no longer kept; reconnect without a cursor and "
                .formatted(cursor) + "read the current state with the artifacts API");
    }
}
