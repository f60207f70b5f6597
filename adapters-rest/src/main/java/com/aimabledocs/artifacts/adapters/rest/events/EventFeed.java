package com.aimabledocs.artifacts.adapters.rest.events;

import com.aimabledocs.artifacts.adapters.rest.ApiConfig;
import com.aimabledocs.artifacts.application.port.in.TailEventsQuery;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * This process's one reader of the event journal: every {@code poll-interval} it reads the events of every space
 * that became visible after the last one it saw, and hands each to the open streams of its space, in journal order.
 * The journal is shared by every replica and written by the API and the worker alike, so any replica's streams see
 * every event. A stream registers before it reads its history; {@link #register} returns the position from which
 * the feed will hand it events, so the history read up to that position and the live events after it meet with no
 * gap (duplicates are dropped by the stream, by position).
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);
    private static final int BATCH = 500;

    private final TailEventsQuery tail;
    private final ApiConfig.Events config;
    private final Map<SpaceId, Set<EventSubscription>> bySpace = new ConcurrentHashMap<>();
    private final Object dispatching = new Object();
    private volatile EventCursor position;
    private ScheduledExecutorService poller;

    EventFeed(TailEventsQuery tail, ApiConfig config) {
        this.tail = tail;
        this.config = config.events();
    }

    void start(@Observes StartupEvent event) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "event-feed"));
        long every = config.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /**
     * Adds a stream of {@code space}; it receives every wanted event after the returned position, which is where
     * this feed stands now. Blocks on the database the first time, before the feed has read the journal's head.
     */
    EventCursor register(SpaceId space, EventSubscription subscription) {
        synchronized (dispatching) {
            if (position == null) {
                position = tail.head();
            }
            bySpace.computeIfAbsent(space, s -> ConcurrentHashMap.newKeySet()).add(subscription);
            return position;
        }
    }

    void unregister(SpaceId space, EventSubscription subscription) {
        bySpace.computeIfPresent(space, (s, subscriptions) -> {
            subscriptions.remove(subscription);
            return subscriptions.isEmpty() ? null : subscriptions;
        });
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warnf("event feed could not read the journal (%s); trying again", e.getMessage());
        }
    }

    void poll() {
        if (position == null) {
            synchronized (dispatching) {
                if (position == null) {
                    position = tail.head();
                }
            }
            return;
        }
        List<JournaledEvent> batch;
        do {
            batch = tail.after(position, BATCH);
            synchronized (dispatching) {
                for (JournaledEvent event : batch) {
                    Set<EventSubscription> subscriptions = bySpace.get(event.spaceId());
                    if (subscriptions != null) {
                        subscriptions.forEach(subscription -> subscription.offer(event));
                    }
                    position = event.cursor();
                }
            }
        } while (batch.size() == BATCH);
    }
}
