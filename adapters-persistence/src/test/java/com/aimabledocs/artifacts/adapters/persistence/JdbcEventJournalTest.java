package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.EventJournal;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link JdbcEventJournal} against real PostgreSQL, above all the order in which readers may see events. */
@QuarkusTest
class JdbcEventJournalTest {

    @Inject
    EventJournal journal;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    SpaceRepository spaces;

    @Inject
    ArtifactRepository artifacts;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    /**
     * The outbox-tailing trap: transaction A takes its ID first but commits last. A reader that handed out B's
     * event while A was open would move its cursor past A's event and never see it. The journal hands out neither
     * until A has ended, then both, A's first.
     */
    @Test
    void givenEarlierTransactionStillOpen_readAll_withholdsALaterCommittedEventUntilItEnds() throws Exception {
        SpaceId space = SpaceId.of(UUID.randomUUID());
        EventCursor start = journal.head();
        CountDownLatch appendedA = new CountDownLatch(1);
        CountDownLatch commitA = new CountDownLatch(1);
        Future<?> a = executor.submit(() -> unitOfWork.inTransaction(() -> {
            append(space, "job.queued", "A");
            appendedA.countDown();
            await(commitA);
        }));
        assertThat(appendedA.await(10, TimeUnit.SECONDS)).isTrue();

        unitOfWork.inTransaction(() -> append(space, "job.running", "B"));
        List<JournaledEvent> whileAIsOpen = mine(space, journal.readAll(start, 1000));
        EventCursor headWhileAIsOpen = journal.head();
        commitA.countDown();
        a.get(10, TimeUnit.SECONDS);
        List<JournaledEvent> afterA = mine(space, journal.readAll(start, 1000));

        assertThat(whileAIsOpen).as("B committed, but A could still add an earlier event").isEmpty();
        assertThat(headWhileAIsOpen.isAfter(start)).as("the head does not move past A either").isFalse();
        assertThat(afterA).extracting(JournaledEvent::payload).containsExactly("A", "B");
        assertThat(afterA.get(1).cursor().isAfter(afterA.get(0).cursor())).isTrue();
    }

    @Test
    void givenRolledBackTransaction_itsEventIsNeverRead() {
        SpaceId space = SpaceId.of(UUID.randomUUID());
        EventCursor start = journal.head();
        try {
            unitOfWork.inTransaction(() -> {
                append(space, "job.queued", "rolled back");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the event went with its transaction
        }
        unitOfWork.inTransaction(() -> append(space, "job.queued", "kept"));

        assertThat(mine(space, journal.readAll(start, 1000))).extracting(JournaledEvent::payload).containsExactly("kept");
    }

    @Test
    void givenEventsOfTwoSpaces_readSpace_returnsOneSpacesAfterTheCursorWithItsArtifactsThreads() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        SpaceId other = SpaceId.of(UUID.randomUUID());
        Artifact artifact = Fixtures.pending(space, "thread-a", "thread-b");
        unitOfWork.inTransaction(() -> {
            artifacts.add(artifact);
            journal.append(space, artifact.id(), "artifact.pending", "1", T0);
            journal.append(other, ArtifactId.of(UUID.randomUUID()), "artifact.pending", "other", T0);
            journal.append(space, artifact.id(), "job.queued", "2", T0);
        });
        unitOfWork.inTransaction(() -> journal.append(space, artifact.id(), "job.running", "3", T0));

        List<JournaledEvent> all = journal.readSpace(space, Optional.empty(), 100);
        List<JournaledEvent> afterFirst = journal.readSpace(space, Optional.of(all.get(0).cursor()), 100);

        assertThat(all).extracting(JournaledEvent::payload).containsExactly("1", "2", "3");
        assertThat(all.get(0).threadIds()).containsExactly("thread-a", "thread-b");
        assertThat(all.get(0).spaceId()).isEqualTo(space);
        assertThat(all.get(0).eventType()).isEqualTo("artifact.pending");
        assertThat(all.get(0).occurredAt()).isEqualTo(T0);
        assertThat(afterFirst).extracting(JournaledEvent::payload).containsExactly("2", "3");
        assertThat(journal.readSpace(space, Optional.of(all.get(2).cursor()), 100)).isEmpty();
    }

    @Test
    void purgeBefore_deletesByPositionKeepsTheNewestAndExpiresOlderCursors() {
        SpaceId space = SpaceId.of(UUID.randomUUID());
        unitOfWork.inTransaction(() -> append(space, "job.queued", "old-1"));
        unitOfWork.inTransaction(() -> append(space, "job.queued", "old-2"));
        List<JournaledEvent> old = journal.readSpace(space, Optional.empty(), 10);
        // everything before now is old: the purge may take all but the newest event of the whole journal
        java.time.Instant cutoff = java.time.Instant.now().plusSeconds(3600);
        int purged = 0;
        int batch;
        do {
            batch = unitOfWork.inTransaction(() -> journal.purgeBefore(cutoff, 1000));
            purged += batch;
        } while (batch > 0);

        assertThat(purged).isPositive();
        assertThat(journal.hasExpired(old.get(0).cursor())).isTrue();
        assertThat(journal.hasExpired(old.get(1).cursor())).as("the newest event is kept").isFalse();
        assertThat(journal.readSpace(space, Optional.empty(), 10)).extracting(JournaledEvent::payload)
                .containsExactly("old-2");
        assertThat(journal.head()).isEqualTo(old.get(1).cursor());
    }

    private void append(SpaceId space, String type, String payload) {
        journal.append(space, ArtifactId.of(UUID.randomUUID()), type, payload, T0);
    }

    private static List<JournaledEvent> mine(SpaceId space, List<JournaledEvent> events) {
        return events.stream().filter(e -> e.spaceId().equals(space)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
