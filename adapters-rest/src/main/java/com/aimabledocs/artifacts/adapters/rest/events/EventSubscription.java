package com.aimabledocs.artifacts.adapters.rest.events;

import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Predicate;

/**
 * One open stream as the {@link EventFeed} sees it: which events it wants, and where they go. Until the stream has
 * caught up with the journal's history, live events wait here, at most {@code bound} of them; past that, and
 * whenever the stream's own buffer overflows later, the stream fails and the client reconnects from the last
 * event it received. Called by the feed's thread and by the stream's subscriber; every method is synchronized.
 */
final class EventSubscription {

    private final Predicate<JournaledEvent> wanted;
    private final int bound;
    private final Queue<JournaledEvent> pending = new ArrayDeque<>();
    private MultiEmitter<? super JournaledEvent> emitter;
    private boolean overflowed;

    EventSubscription(Predicate<JournaledEvent> wanted, int bound) {
        this.wanted = wanted;
        this.bound = bound;
    }

    /**
     * The live events of {@code subscription} as a stream that holds at most {@code bound} events its client has
     * not taken yet, and fails past that (Mutiny's overflow buffer), so that a slow client is cut off and resumes
     * from its cursor instead of making this process buffer without limit.
     */
    static Multi<JournaledEvent> live(EventSubscription subscription, int bound) {
        return Multi.createFrom().<JournaledEvent>emitter(subscription::attach).onOverflow().buffer(bound);
    }

    /** A live event of this stream's space, in journal order. */
    synchronized void offer(JournaledEvent event) {
        if (!wanted.test(event) || overflowed) {
            return;
        }
        if (emitter != null) {
            emitter.emit(event);
        } else if (pending.size() < bound) {
            pending.add(event);
        } else {
            overflowed = true;
            pending.clear();
        }
    }

    /** The stream is ready for live events: what waited goes first. */
    synchronized void attach(MultiEmitter<? super JournaledEvent> liveEmitter) {
        if (overflowed) {
            liveEmitter.fail(new StreamOverflowException());
            return;
        }
        JournaledEvent event;
        while ((event = pending.poll()) != null) {
            liveEmitter.emit(event);
        }
        this.emitter = liveEmitter;
    }

    /** Events came faster than this stream could take them. */
    static final class StreamOverflowException extends RuntimeException {

        StreamOverflowException() {
            super("the stream fell behind; reconnect with Last-Event-ID", null, false, false);
        }
    }
}
