package com.aimabledocs.artifacts.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OutboxPurge} against the real PostgreSQL of the test stack, with the batch size of this module's test
 * configuration (50), so that a purge takes several batches. The rows are written sent long ago, before a cutoff
 * of the test's own; the scheduled purge leaves them alone (the test retention puts its cutoff a century back).
 * Which rows one statement selects, and that a purge skips rows another one holds, {@code OutboxStoreTest} shows.
 */
@QuarkusTest
class OutboxPurgeTest {

    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");
    private static final Instant CUTOFF = LONG_AGO.plus(Duration.ofDays(1));

    @Inject
    OutboxPurge purge;

    @Inject
    MessagingConfig config;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    EntityManager entityManager;

    private String topic;
    private ExecutorService executor;

    @BeforeEach
    void freshTopic() {
        topic = "test.outbox-purge." + UUID.randomUUID();
        executor = Executors.newFixedThreadPool(2);
        purge.purgeSentBefore(CUTOFF); // rows an earlier run left behind would be counted
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void givenSeveralBatchesOfOldRows_purgeSentBefore_loopsUntilAllAreDeletedAndKeepsTheYoungerOnes() {
        int batch = config.outbox().purgeBatchSize();
        assertThat(batch).as("the test configuration's batch size").isEqualTo(50);
        insertSent(4 * batch + 7, LONG_AGO);
        insertSent(3, CUTOFF);
        insertSent(4, CUTOFF.plusSeconds(60));

        long deleted = purge.purgeSentBefore(CUTOFF);

        assertThat(deleted).isEqualTo(4 * batch + 7);
        assertThat(mineSentBefore(CUTOFF)).isZero();
        assertThat(mine()).isEqualTo(7);
        assertThat(purge.purgeSentBefore(CUTOFF)).isZero();
    }

    /**
     * As on two replicas at the same tick: two purges of the same rows at once, 40 batches' worth. Neither fails
     * (no deadlock, no error on a row the other deleted), and their counts add up to the rows, each deleted once.
     */
    @Test
    void givenTwoPurgesAtOnce_purgeSentBefore_bothSucceedAndTogetherDeleteEachRowOnce() throws Exception {
        insertSent(2000, LONG_AGO);
        insertSent(5, CUTOFF.plusSeconds(60));
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Long> purgeAtOnce = () -> {
            together.await(10, TimeUnit.SECONDS);
            return purge.purgeSentBefore(CUTOFF);
        };

        Future<Long> first = executor.submit(purgeAtOnce);
        Future<Long> second = executor.submit(purgeAtOnce);
        long byFirst = first.get(60, TimeUnit.SECONDS);
        long bySecond = second.get(60, TimeUnit.SECONDS);

        System.out.printf("outbox purges at once: first=%d second=%d%n", byFirst, bySecond);
        assertThat(byFirst + bySecond).isEqualTo(2000);
        assertThat(mineSentBefore(CUTOFF)).isZero();
        assertThat(mine()).isEqualTo(5);
    }

    private void insertSent(int rows, Instant sentAt) {
        unitOfWork.inTransaction(() -> entityManager.createNativeQuery("""
                        insert into outbox (topic, message_key, event_type, payload, created_at, sent_at)
                        select :topic, 'key-' || n, 'generation_requested', cast('{}' as jsonb), :sentAt, :sentAt
                        from generate_series(1, :rows) n""")
                .setParameter("topic", topic)
                .setParameter("sentAt", sentAt)
                .setParameter("rows", rows)
                .executeUpdate());
    }

    private long mine() {
        return unitOfWork.inTransaction(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox where topic = :topic")
                .setParameter("topic", topic)
                .getSingleResult()).longValue());
    }

    private long mineSentBefore(Instant instant) {
        return unitOfWork.inTransaction(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox where topic = :topic and sent_at < :instant")
                .setParameter("topic", topic)
                .setParameter("instant", instant)
                .getSingleResult()).longValue());
    }
}
