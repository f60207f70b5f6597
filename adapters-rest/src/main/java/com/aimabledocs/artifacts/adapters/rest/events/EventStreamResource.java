package com.aimabledocs.artifacts.adapters.rest.events;

import com.aimabledocs.artifacts.adapters.rest.ApiConfig;
import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.adapters.rest.auth.EventTokenAllowed;
import com.aimabledocs.artifacts.application.port.in.ReadSpaceEventsQuery;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The live events of a space as Server-Sent Events: first every event after the client's cursor
 * ({@code Last-Event-ID} or {@code after}), read from the journal page by page, then the live ones from the
 * {@link EventFeed}, each once and in order; a comment line every {@code heartbeat}. Idle streams hold no thread.
 * Refusals (authentication, a malformed filter, an expired cursor) are answered as problem+json before the stream
 * starts.
 */
@Path("/v1/spaces/{space_id}/events")
public class EventStreamResource {

    static final int PAGE = 500;

    private final ReadSpaceEventsQuery readEvents;
    private final EventFeed feed;
    private final ApiConfig.Events config;

    EventStreamResource(ReadSpaceEventsQuery readEvents, EventFeed feed, ApiConfig config) {
        this.readEvents = readEvents;
        this.feed = feed;
        this.config = config.events();
    }

    @GET
    @Blocking
    @EventTokenAllowed
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<OutboundSseEvent> stream(@RestPath("space_id") String spaceId,
                                          @RestQuery("after") String after,
                                          @RestHeader("Last-Event-ID") String lastEventId,
                                          @RestQuery("artifact_id") String artifactId,
                                          @RestQuery("thread_id") String threadId,
                                          @RestQuery("types") String types,
                                          @Context ContainerRequestContext request,
                                          @Context Sse sse) {
        Principal principal = ApiKeyFilter.principalOf(request);
        SpaceId space = SpaceId.parse(spaceId);
        readEvents.authorize(principal, space);
        requireValues(request.getUriInfo().getQueryParameters(), "after", "artifact_id", "thread_id", "types");
        StreamFilter filter = StreamFilter.parse(artifactId, threadId, types);
        Optional<EventCursor> resumeAfter = Optional.ofNullable(lastEventId != null ? lastEventId : after)
                .map(EventCursor::parse);

        EventSubscription subscription = new EventSubscription(filter, config.streamBuffer());
        EventCursor live = feed.register(space, subscription);
        List<JournaledEvent> firstPage;
        try {
            firstPage = resumeAfter.isPresent()
                    ? readEvents.read(principal, space, resumeAfter, PAGE)   // 410 cursor_expired from here
                    : List.of();
        } catch (RuntimeException e) {
            feed.unregister(space, subscription);
            throw e;
        }

        Multi<JournaledEvent> history = history(principal, space, firstPage, live);
        Multi<JournaledEvent> liveEvents = EventSubscription.live(subscription, config.streamBuffer());
        AtomicReference<EventCursor> lastSent = new AtomicReference<>(resumeAfter.orElse(null));
        Multi<OutboundSseEvent> events = Multi.createBy().concatenating().streams(history, liveEvents)
                .select().where(filter)
                .select().where(event -> lastSent.get() == null || event.cursor().isAfter(lastSent.get()))
                .invoke(event -> lastSent.set(event.cursor()))
                .map(event -> sse.newEventBuilder()
                        .id(event.cursor().toString())
                        .name(event.eventType())
                        .data(String.class, event.payload())
                        .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(config.heartbeat())
                .every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        OutboundSseEvent hello = sse.newEventBuilder().comment("events of space " + space)
                .reconnectDelay(config.clientRetry().toMillis()).build();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(hello),
                        Multi.createBy().merging().streams(events, heartbeats))
                .onTermination().invoke(() -> feed.unregister(space, subscription));
    }

    /**
     * A filter or cursor given empty ({@code ?after=}) or twice is refused: read as absent, it would open a stream
     * that is not the one asked for.
     */
    private static void requireValues(MultivaluedMap<String, String> query, String... names) {
        for (String name : names) {
            List<String> values = query.get(name);
            if (values != null && (values.size() != 1 || values.get(0) == null || values.get(0).isBlank())) {
                throw new InvalidValueException(name, name + " must be given once, with a value");
            }
        }
    }

    /**
     * The journal's events after the client's cursor up to {@code live}, the feed's position when the stream
     * registered (later ones arrive live): the first page as read, then one page at a time as the client takes
     * them, read on a worker thread.
     */
    private Multi<JournaledEvent> history(Principal principal, SpaceId space, List<JournaledEvent> firstPage,
                                          EventCursor live) {
        if (firstPage.isEmpty()) {
            return Multi.createFrom().empty();
        }
        AtomicReference<List<JournaledEvent>> next = new AtomicReference<>(firstPage);
        Multi<List<JournaledEvent>> pages = Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> {
                    List<JournaledEvent> current = next.get();
                    EventCursor last = current.get(current.size() - 1).cursor();
                    next.set(current.size() < PAGE || last.isAfter(live) ? List.of()
                            : readEvents.read(principal, space, Optional.of(last), PAGE));
                    return current;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .whilst(current -> !next.get().isEmpty());
        return pages.onItem().<JournaledEvent>disjoint()
                .select().where(event -> !event.cursor().isAfter(live));
    }
}
