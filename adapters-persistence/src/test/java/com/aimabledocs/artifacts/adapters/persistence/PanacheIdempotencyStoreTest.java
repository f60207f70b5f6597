package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyTakenException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link IdempotencyStore} against real PostgreSQL, including two transactions racing for a key. */
@QuarkusTest
class PanacheIdempotencyStoreTest {

    private static final String ROUTE = "POST /v1/spaces/{space_id}/artifacts:generate";

    @Inject
    IdempotencyStore store;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    EntityManager entityManager;

    private ExecutorService executor;

    @BeforeEach
    void startExecutor() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void givenAddedRecord_find_returnsIt() {
        IdempotencyRecord record = record(freshKey(), "a");

        unitOfWork.inTransaction(() -> store.add(record));

        assertThat(unitOfWork.inTransaction(() -> store.find(record.key()))).contains(record);
    }

    @Test
    void givenSameKeyTextForAnotherOwnerSpaceOrRoute_find_isEmpty() {
        IdempotencyKey key = freshKey();
        unitOfWork.inTransaction(() -> store.add(record(key, "a")));

        assertThat(find(new IdempotencyKey(ApiKeyId.of(UUID.randomUUID()), key.spaceId(), key.route(), key.key()))).isEmpty();
        assertThat(find(new IdempotencyKey(key.owner(), SpaceId.of(UUID.randomUUID()), key.route(), key.key()))).isEmpty();
        assertThat(find(new IdempotencyKey(key.owner(), key.spaceId(), "POST /other", key.key()))).isEmpty();
        assertThat(find(new IdempotencyKey(key.owner(), key.spaceId(), key.route(), key.key() + "x"))).isEmpty();
    }

    @Test
    void givenTakenKey_add_throwsKeyTakenAndKeepsTheFirstRecord() {
        IdempotencyKey key = freshKey();
        IdempotencyRecord first = record(key, "a");
        unitOfWork.inTransaction(() -> store.add(first));

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> store.add(record(key, "b"))))
                .isInstanceOf(IdempotencyKeyTakenException.class)
                .satisfies(e -> assertThat(((IdempotencyKeyTakenException) e).code()).isEqualTo("idempotency_key_in_use"));
        assertThat(find(key)).contains(first);
    }

    /**
     * The second transaction's insert waits for the first to commit, then inserts nothing: it learns it
     * lost, and its transaction stays usable (it can read the winner's record in the same transaction).
     */
    @Test
    void givenTwoTransactionsAddingTheSameKey_exactlyOneWins() throws Exception {
        IdempotencyKey key = freshKey();
        IdempotencyRecord winner = record(key, "first");
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<String> first = executor.submit(() -> unitOfWork.inTransaction(() -> {
            store.add(winner);
            firstAdded.countDown();
            awaitLatch(releaseFirst);
            return "added";
        }));
        assertThat(firstAdded.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Optional<IdempotencyRecord>> second = executor.submit(() -> unitOfWork.inTransaction(() -> {
            try {
                store.add(record(key, "second"));
                return Optional.<IdempotencyRecord>empty();
            } catch (IdempotencyKeyTakenException lost) {
                return store.find(key);
            }
        }));
        awaitBlockedOnLock();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("added");
        assertThat(second.get(10, TimeUnit.SECONDS)).as("the loser sees the winner's record").contains(winner);
        assertThat(find(key)).contains(winner);
    }

    /** When the holder of the key rolls back, the waiting transaction gets the key. */
    @Test
    void givenHolderRollsBack_waitingTransaction_getsTheKey() throws Exception {
        IdempotencyKey key = freshKey();
        IdempotencyRecord rolledBack = record(key, "first");
        IdempotencyRecord taker = record(key, "second");
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<?> first = executor.submit(() -> unitOfWork.inTransaction(() -> {
            store.add(rolledBack);
            firstAdded.countDown();
            awaitLatch(releaseFirst);
            throw new IllegalStateException("roll back");
        }));
        assertThat(firstAdded.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> second = executor.submit(() -> unitOfWork.inTransaction(() -> store.add(taker)));
        awaitBlockedOnLock();
        releaseFirst.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        second.get(10, TimeUnit.SECONDS);
        assertThat(find(key)).contains(taker);
    }

    /** Many transactions racing at once for one key: one record, one winner, every other one told it lost. */
    @Test
    void givenManyConcurrentAdds_exactlyOneSucceeds() throws Exception {
        IdempotencyKey key = freshKey();
        ExecutorService many = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                IdempotencyRecord candidate = record(key, "attempt-" + i);
                attempts.add(many.submit(() -> {
                    awaitLatch(start);
                    try {
                        unitOfWork.inTransaction(() -> store.add(candidate));
                        return true;
                    } catch (IdempotencyKeyTakenException lost) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get(20, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(find(key)).isPresent();
        } finally {
            many.shutdownNow();
        }
    }

    /** Waits until some backend of this database waits for a lock on an idempotency insert. */
    private void awaitBlockedOnLock() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                unitOfWork.inTransaction(() -> ((Number) entityManager.createNativeQuery("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                        and query like '%insert into idempotency_records%'""").getSingleResult()).longValue() > 0));
    }

    private Optional<IdempotencyRecord> find(IdempotencyKey key) {
        return unitOfWork.inTransaction(() -> store.find(key));
    }

    private static IdempotencyKey freshKey() {
        return new IdempotencyKey(ApiKeyId.of(UUID.randomUUID()), SpaceId.of(UUID.randomUUID()), ROUTE,
                "client key " + UUID.randomUUID());
    }

    private static IdempotencyRecord record(IdempotencyKey key, String request) {
        return new IdempotencyRecord(key, sha256Hex(request), ArtifactId.of(UUID.randomUUID()),
                JobId.of(UUID.randomUUID()), T0.plusNanos(3_000));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
