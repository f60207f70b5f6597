package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ReadSpaceEventsQuery;
import com.aimabledocs.artifacts.application.port.in.TailEventsQuery;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.event.CursorExpiredException;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.port.EventJournal;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.List;
import java.util.Optional;

/** Reads the event journal: a space's history after a cursor for a caller who may read it, and the live tail. */
public final class ReadSpaceEventsService implements ReadSpaceEventsQuery, TailEventsQuery {

    private final EventJournal journal;
    private final UnitOfWork unitOfWork;

    public ReadSpaceEventsService(EventJournal journal, UnitOfWork unitOfWork) {
        this.journal = journal;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void authorize(Principal principal, SpaceId spaceId) {
        principal.authorize(spaceId, Scope.ARTIFACTS_READ);
    }

    @Override
    public List<JournaledEvent> read(Principal principal, SpaceId spaceId, Optional<EventCursor> after, int limit) {
        authorize(principal, spaceId);
        return unitOfWork.read(() -> {
            if (after.isPresent() && journal.hasExpired(after.get())) {
                throw new CursorExpiredException(after.get());
            }
            return journal.readSpace(spaceId, after, limit);
        });
    }

    @Override
    public EventCursor head() {
        return unitOfWork.read(journal::head);
    }

    @Override
    public List<JournaledEvent> after(EventCursor after, int limit) {
        return unitOfWork.read(() -> journal.readAll(after, limit));
    }
}
