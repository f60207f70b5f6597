package com.aimabledocs.artifacts.adapters.rest.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How one stream's live events wait while it catches up, and what happens when it falls too far behind. */
class EventSubscriptionTest {

    private static final SpaceId SPACE = SpaceId.of(UUID.randomUUID());

    private static JournaledEvent event(long sequence, String type) {
        return new JournaledEvent(new EventCursor(1, sequence), SPACE, ArtifactId.of(UUID.randomUUID()), List.of(),
                type, "{}", Instant.EPOCH);
    }

    @Test
    void givenEventsBeforeTheStreamCaughtUp_attach_sendsThemFirstThenTheLiveOnes() {
        EventSubscription subscription = new EventSubscription(e -> !e.eventType().equals("job.queued"), 10);
        subscription.offer(event(1, "artifact.pending"));
        subscription.offer(event(2, "job.queued"));
        AssertSubscriber<JournaledEvent> client = EventSubscription.live(subscription, 10)
                .subscribe().withSubscriber(AssertSubscriber.create(10));

        subscription.offer(event(3, "artifact.ready"));

        assertThat(client.getItems()).extracting(e -> e.cursor().sequence()).containsExactly(1L, 3L);
    }

    @Test
    void givenMoreWaitingEventsThanTheBound_theStreamFailsSoTheClientResumesFromItsCursor() {
        EventSubscription subscription = new EventSubscription(e -> true, 2);
        for (long i = 1; i <= 3; i++) {
            subscription.offer(event(i, "job.queued"));
        }

        AssertSubscriber<JournaledEvent> client = EventSubscription.live(subscription, 2)
                .subscribe().withSubscriber(AssertSubscriber.create(10));

        client.assertFailedWith(EventSubscription.StreamOverflowException.class);
        assertThat(client.getItems()).isEmpty();
    }

    @Test
    void givenClientThatTakesNothing_theLiveBufferOverflowsAndTheStreamFails() {
        EventSubscription subscription = new EventSubscription(e -> true, 2);
        AssertSubscriber<JournaledEvent> client = EventSubscription.live(subscription, 2)
                .subscribe().withSubscriber(AssertSubscriber.create(0));

        for (long i = 1; i <= 4; i++) {
            subscription.offer(event(i, "job.queued"));
        }

        assertThat(client.getFailure()).as("a slow client is cut off, not buffered without limit").isNotNull();
    }
}
