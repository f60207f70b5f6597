package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import java.util.List;

/** The live tail of every space's events, for the process that fans them out to the open streams. */
public interface TailEventsQuery {

    /** Where the tail is now: the position of the last event readers may see. */
    EventCursor head();

    /** Up to {@code limit} events of every space after {@code after}, in order. */
    List<JournaledEvent> after(EventCursor after, int limit);
}
