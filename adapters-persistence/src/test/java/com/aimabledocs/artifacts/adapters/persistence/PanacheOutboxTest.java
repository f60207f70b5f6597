package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.port.Outbox;
import com.aimabledocs.artifacts.domain.port.Outbox.Unsent;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PanacheOutbox} against real PostgreSQL. This module's tests use a schema of their own (see
 * application.properties), so no relay of another process claims these rows; each test still uses its own
 * topic and looks only at its own rows.
 */
@QuarkusTest
class PanacheOutboxTest {

    private static final int ALL = Integer.MAX_VALUE;
    /** The purge tests' cutoff: a day before T0, at which the other tests mark rows sent. */
    private static final Instant CUTOFF = T0.minusSeconds(86_400);

    @Inject
    Outbox outbox;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    EntityManager entityManager;

    private final ObjectMapper json = new ObjectMapper();
    private String topic;
    private ExecutorService executor;

    @BeforeEach
    void freshTopic() {
        topic = "test.outbox." + UUID.randomUUID();
        executor = Executors.newSingleThreadExecutor();
        // Leftovers of earlier runs would be claimed first (oldest first): send them all.
        unitOfWork.inTransaction(() -> outbox.markSent(
                outbox.claimUnsent(ALL).stream().map(Unsent::id).toList(), T0));
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void givenAppendedRows_claimUnsent_returnsThemOldestFirstAsWritten() throws Exception {
        Instant now = T0.plusNanos(9_000);
        unitOfWork.inTransaction(() -> IntStream.range(0, 3).forEach(i -> append("key-" + i,
                "{\"n\": " + i + ", \"text\": \"é \\\"q\\\"\", \"nested\": {\"b\": 2, \"a\": [1, 2]}}", now)));

        List<Unsent> claimed = mine(unitOfWork.inTransaction(() -> outbox.claimUnsent(ALL)));

        assertThat(claimed).extracting(PanacheOutboxTest::key).containsExactly("key-0", "key-1", "key-2");
        assertThat(claimed).extracting(Unsent::id).isSorted();
        for (int i = 0; i < 3; i++) {
            Outbox.Message message = claimed.get(i).message();
            assertThat(message.topic()).isEqualTo(topic);
            assertThat(message.eventType()).isEqualTo("generation_requested");
            assertThat(message.createdAt()).isEqualTo(now);
            assertThat(message.traceContext()).isEmpty();
            assertThat(json.readTree(message.payload())).isEqualTo(json.readTree(
                    "{\"n\": " + i + ", \"text\": \"é \\\"q\\\"\", \"nested\": {\"a\": [1, 2], \"b\": 2}}"));
        }
    }

    @Test
    void givenRolledBackAppend_claimUnsent_neverSeesIt() {
        try {
            unitOfWork.inTransaction(() -> {
                append("key", "{}", T0);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the append went with the transaction
        }

        assertThat(mine(unitOfWork.inTransaction(() -> outbox.claimUnsent(ALL)))).isEmpty();
    }

    @Test
    void givenLimit_claimUnsent_returnsOnlyTheOldest() {
        appendCommitted(5);

        List<Unsent> claimed = unitOfWork.inTransaction(() -> outbox.claimUnsent(2));

        assertThat(claimed).extracting(PanacheOutboxTest::key).containsExactly("key-0", "key-1");
    }

    /**
     * While one transaction holds its claim, a second one skips the locked rows instead of waiting for
     * them: the two get disjoint rows. The held rows are claimable again once their holder ends unsent.
     */
    @Test
    void givenClaimHeldOpen_concurrentClaim_skipsTheLockedRows() throws Exception {
        appendCommitted(6);
        CountDownLatch claimedFirst = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<List<Unsent>> first = executor.submit(() -> unitOfWork.inTransaction(() -> {
            List<Unsent> rows = outbox.claimUnsent(3);
            claimedFirst.countDown();
            awaitLatch(releaseFirst);
            return rows;
        }));
        assertThat(claimedFirst.await(10, TimeUnit.SECONDS)).isTrue();
        List<Unsent> second;
        try {
            second = mine(unitOfWork.inTransaction(() -> outbox.claimUnsent(ALL)));
        } finally {
            releaseFirst.countDown();
        }
        List<Unsent> firstRows = mine(first.get(10, TimeUnit.SECONDS));

        assertThat(firstRows).extracting(PanacheOutboxTest::key).containsExactly("key-0", "key-1", "key-2");
        assertThat(second).extracting(PanacheOutboxTest::key).containsExactly("key-3", "key-4", "key-5");
        Set<Long> overlap = new HashSet<>(ids(firstRows));
        overlap.retainAll(ids(second));
        assertThat(overlap).isEmpty();
        assertThat(mine(unitOfWork.inTransaction(() -> outbox.claimUnsent(ALL)))).hasSize(6);
    }

    @Test
    void givenMarkedSent_claimUnsentAndCount_leaveThemOut() {
        appendCommitted(4);
        long unsentBefore = unitOfWork.inTransaction(() -> outbox.backlog().unsent());
        Instant sentAt = T0.plusSeconds(60);

        unitOfWork.inTransaction(() -> {
            List<Unsent> claimed = mine(outbox.claimUnsent(ALL));
            outbox.markSent(ids(claimed.subList(0, 3)), sentAt);
        });

        List<Unsent> left = mine(unitOfWork.inTransaction(() -> outbox.claimUnsent(ALL)));
        assertThat(left).extracting(PanacheOutboxTest::key).containsExactly("key-3");
        assertThat(unitOfWork.inTransaction(() -> outbox.backlog().unsent())).isEqualTo(unsentBefore - 3);
        assertThat(sentAtOf("key-0")).isEqualTo(sentAt);
        assertThat(sentAtOf("key-3")).isNull();
        unitOfWork.inTransaction(() -> outbox.markSent(List.of(), sentAt));
    }

    @Test
    void givenSentAndUnsentRows_purgeSentBefore_deletesOnlyRowsSentBeforeTheCutoff() {
        forgetRowsSentBefore(CUTOFF);
        appendSentAt(CUTOFF.minusSeconds(3600), CUTOFF.minusNanos(1_000), CUTOFF, CUTOFF.plusSeconds(3600), null);

        int deleted = unitOfWork.inTransaction(() -> outbox.purgeSentBefore(CUTOFF, ALL));

        assertThat(deleted).isEqualTo(2);
        assertThat(myKeys()).containsExactly("key-2", "key-3", "key-4");
        assertThat(sentAtOf("key-4")).isNull();
    }

    @Test
    void givenMoreRowsThanTheLimit_purgeSentBefore_deletesAtMostTheLimitPerCall() {
        forgetRowsSentBefore(CUTOFF);
        Instant old = CUTOFF.minusSeconds(60);
        appendSentAt(old, old, old, old, old);

        assertThat(unitOfWork.inTransaction(() -> outbox.purgeSentBefore(CUTOFF, 2))).isEqualTo(2);
        assertThat(myKeys()).hasSize(3);
        assertThat(unitOfWork.inTransaction(() -> outbox.purgeSentBefore(CUTOFF, 2))).isEqualTo(2);
        assertThat(unitOfWork.inTransaction(() -> outbox.purgeSentBefore(CUTOFF, 2))).isEqualTo(1);
        assertThat(unitOfWork.inTransaction(() -> outbox.purgeSentBefore(CUTOFF, 2))).isZero();
        assertThat(myKeys()).isEmpty();
    }

    /**
     * Two purges at once, as on two replicas: while one transaction holds its batch, a second purge deletes the
     * other rows at once instead of waiting for (or deadlocking on) the held ones; when the first commits, every
     * row has been deleted exactly once.
     */
    @Test
    void givenBatchHeldOpenByAnotherPurge_purgeSentBefore_skipsItsRowsWithoutWaiting() throws Exception {
        forgetRowsSentBefore(CUTOFF);
        Instant old = CUTOFF.minusSeconds(60);
        appendSentAt(old, old, old, old, old, old);
        CountDownLatch deletedFirst = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<Integer> first = executor.submit(() -> unitOfWork.inTransaction(() -> {
            int deleted = outbox.purgeSentBefore(CUTOFF, 4);
            deletedFirst.countDown();
            awaitLatch(releaseFirst);
            return deleted;
        }));
        assertThat(deletedFirst.await(10, TimeUnit.SECONDS)).isTrue();
        int second;
        try {
            second = unitOfWork.inTransaction(() -> outbox.purgeSentBefore(CUTOFF, ALL));
            assertThat(first.isDone()).as("the first purge still holds its batch").isFalse();
        } finally {
            releaseFirst.countDown();
        }

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(second).isEqualTo(2);
        assertThat(myKeys()).isEmpty();
    }

    /** The purge tests count what they delete: rows of earlier runs sent before the cutoff must be gone first. */
    private void forgetRowsSentBefore(Instant cutoff) {
        unitOfWork.inTransaction(() -> outbox.purgeSentBefore(cutoff, ALL));
    }

    /** Appends one row per time, {@code key-0}, {@code key-1}, …, marked sent at that time (null: unsent). */
    private void appendSentAt(Instant... sentAts) {
        appendCommitted(sentAts.length);
        unitOfWork.inTransaction(() -> {
            List<Unsent> rows = mine(outbox.claimUnsent(ALL));
            for (int i = 0; i < sentAts.length; i++) {
                if (sentAts[i] != null) {
                    outbox.markSent(List.of(rows.get(i).id()), sentAts[i]);
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> myKeys() {
        return unitOfWork.inTransaction(() -> entityManager.createNativeQuery(
                        "select message_key from outbox where topic = :topic order by id")
                .setParameter("topic", topic).getResultList());
    }

    private void appendCommitted(int count) {
        unitOfWork.inTransaction(() -> IntStream.range(0, count)
                .forEach(i -> append("key-" + i, "{\"n\": " + i + "}", T0)));
    }

    private Instant sentAtOf(String key) {
        return unitOfWork.inTransaction(() -> (Instant) entityManager.createNativeQuery(
                        "select sent_at from outbox where topic = :topic and message_key = :key", Instant.class)
                .setParameter("topic", topic).setParameter("key", key).getSingleResult());
    }

    private List<Unsent> mine(List<Unsent> rows) {
        return rows.stream().filter(m -> m.message().topic().equals(topic)).toList();
    }

    private void append(String key, String payload, Instant at) {
        outbox.append(new Outbox.Message(topic, key, "generation_requested", payload, Optional.empty(), at));
    }

    private static String key(Unsent unsent) {
        return unsent.message().key();
    }

    private static List<Long> ids(List<Unsent> rows) {
        return rows.stream().map(Unsent::id).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the test to go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
