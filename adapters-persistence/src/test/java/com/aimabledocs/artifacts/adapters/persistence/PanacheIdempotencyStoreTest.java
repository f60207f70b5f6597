package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyEntry;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservation;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservationLostException;
import com.aimabledocs.artifacts.domain.idempotency.ReservationOutcome;
import com.aimabledocs.artifacts.domain.idempotency.ReservationOutcome.Existing;
import com.aimabledocs.artifacts.domain.idempotency.ReservationOutcome.Reserved;
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
import java.time.Instant;
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

/**
 * Contract of {@link IdempotencyStore} against real PostgreSQL: the two-phase reservation, its take-over
 * after the deadline, and transactions racing for a key.
 */
@QuarkusTest
class PanacheIdempotencyStoreTest {

    private static final String ROUTE = "generate-artifact";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int RACERS = 8;

    @Inject
    IdempotencyStore store;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    EntityManager entityManager;

    private ExecutorService executor;

    @BeforeEach
    void startExecutor() {
        executor = Executors.newFixedThreadPool(RACERS);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void givenFreeKey_reserve_holdsItInFlight() {
        IdempotencyReservation candidate = reservation(freshKey(), "a", T0);

        ReservationOutcome outcome = reserve(candidate);

        assertThat(outcome).isEqualTo(new Reserved(candidate, false));
        assertThat(find(candidate.key())).contains(candidate);
    }

    @Test
    void givenReservation_complete_recordsWhatWasCreatedUnderTheReservationTime() {
        IdempotencyReservation reservation = reservation(freshKey(), "a", T0);
        reserve(reservation);
        ArtifactId artifact = ArtifactId.of(UUID.randomUUID());
        JobId job = JobId.of(UUID.randomUUID());

        unitOfWork.inTransaction(() -> store.complete(reservation, artifact, job));

        assertThat(find(reservation.key())).contains(new IdempotencyRecord(reservation.key(), reservation.requestFingerprint(),
                artifact, job, T0));
    }

    @Test
    void givenReserveAndCompleteInOneTransaction_find_seesTheCompletedRecord() {
        IdempotencyReservation reservation = reservation(freshKey(), "a", T0);
        ArtifactId artifact = ArtifactId.of(UUID.randomUUID());

        Optional<IdempotencyEntry> seen = unitOfWork.inTransaction(() -> {
            store.reserve(reservation);
            store.find(reservation.key());
            store.complete(reservation, artifact, JobId.of(UUID.randomUUID()));
            return store.find(reservation.key());
        });

        assertThat(seen).get().isInstanceOfSatisfying(IdempotencyRecord.class,
                record -> assertThat(record.artifactId()).isEqualTo(artifact));
    }

    @Test
    void givenSameKeyTextForAnotherOwnerSpaceOrRoute_theyAreDifferentKeys() {
        IdempotencyKey key = freshKey();
        reserve(reservation(key, "a", T0));

        assertThat(find(new IdempotencyKey(ApiKeyId.of(UUID.randomUUID()), key.spaceId(), key.route(), key.key()))).isEmpty();
        assertThat(find(new IdempotencyKey(key.owner(), SpaceId.of(UUID.randomUUID()), key.route(), key.key()))).isEmpty();
        assertThat(find(new IdempotencyKey(key.owner(), key.spaceId(), "other-route", key.key()))).isEmpty();
        assertThat(find(new IdempotencyKey(key.owner(), key.spaceId(), key.route(), key.key() + "x"))).isEmpty();
        IdempotencyReservation otherOwner = reservation(
                new IdempotencyKey(ApiKeyId.of(UUID.randomUUID()), key.spaceId(), key.route(), key.key()), "a", T0);
        assertThat(reserve(otherOwner)).isInstanceOf(Reserved.class);
    }

    @Test
    void givenKeyInFlight_reserve_returnsTheHoldersReservation() {
        IdempotencyKey key = freshKey();
        IdempotencyReservation holder = reservation(key, "first", T0);
        reserve(holder);

        ReservationOutcome outcome = reserve(reservation(key, "second", T0.plusSeconds(10)));

        assertThat(outcome).isEqualTo(new Existing(holder));
        assertThat(find(key)).contains(holder);
    }

    @Test
    void givenCompletedKey_reserve_returnsTheRecordEvenLongAfterTheDeadline() {
        IdempotencyKey key = freshKey();
        IdempotencyReservation first = reservation(key, "first", T0);
        reserve(first);
        ArtifactId artifact = ArtifactId.of(UUID.randomUUID());
        JobId job = JobId.of(UUID.randomUUID());
        unitOfWork.inTransaction(() -> store.complete(first, artifact, job));

        ReservationOutcome outcome = reserve(reservation(key, "first", T0.plus(Duration.ofHours(2))));

        assertThat(outcome).isEqualTo(new Existing(first.complete(artifact, job)));
    }

    @Test
    void givenExpiredReservation_reserve_takesItOver() {
        IdempotencyKey key = freshKey();
        IdempotencyReservation crashed = reservation(key, "crashed", T0);
        reserve(crashed);
        IdempotencyReservation late = reservation(key, "late", crashed.reservedUntil().plusNanos(1_000));

        ReservationOutcome outcome = reserve(late);

        assertThat(outcome).isEqualTo(new Reserved(late, true));
        assertThat(find(key)).contains(late);
        assertThat(reserve(reservation(key, "at the deadline", late.reservedUntil())))
                .as("a reservation is not expired at its deadline itself").isEqualTo(new Existing(late));
    }

    /** The second insert waits for the first transaction to commit, then inserts nothing and reads the holder. */
    @Test
    void givenTwoTransactionsReservingTheSameKey_theSecondWaitsAndSeesTheFirstsReservation() throws Exception {
        IdempotencyKey key = freshKey();
        IdempotencyReservation winner = reservation(key, "first", T0);
        CountDownLatch firstReserved = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<ReservationOutcome> first = executor.submit(() -> unitOfWork.inTransaction(() -> {
            ReservationOutcome outcome = store.reserve(winner);
            firstReserved.countDown();
            awaitLatch(releaseFirst);
            return outcome;
        }));
        assertThat(firstReserved.await(10, TimeUnit.SECONDS)).isTrue();
        Future<ReservationOutcome> second = executor.submit(() -> reserve(reservation(key, "second", T0)));
        awaitBlockedOnLock();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Reserved(winner, false));
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new Existing(winner));
    }

    /** When the first reservation rolls back, the waiting transaction gets the key. */
    @Test
    void givenHolderRollsBack_waitingReserve_getsTheKey() throws Exception {
        IdempotencyKey key = freshKey();
        CountDownLatch firstReserved = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        IdempotencyReservation taker = reservation(key, "second", T0);

        Future<?> first = executor.submit(() -> unitOfWork.inTransaction(() -> {
            store.reserve(reservation(key, "first", T0));
            firstReserved.countDown();
            awaitLatch(releaseFirst);
            throw new IllegalStateException("roll back");
        }));
        assertThat(firstReserved.await(10, TimeUnit.SECONDS)).isTrue();
        Future<ReservationOutcome> second = executor.submit(() -> reserve(taker));
        awaitBlockedOnLock();
        releaseFirst.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new Reserved(taker, false));
        assertThat(find(key)).contains(taker);
    }

    @Test
    void givenManyConcurrentReserves_exactlyOneReserves() throws Exception {
        IdempotencyKey key = freshKey();
        List<ReservationOutcome> outcomes = race(i -> reservation(key, "racer-" + i, T0));

        List<Reserved> winners = outcomes.stream().filter(Reserved.class::isInstance).map(Reserved.class::cast).toList();
        assertThat(winners).singleElement().satisfies(w -> assertThat(w.tookOver()).isFalse());
        IdempotencyReservation held = winners.get(0).reservation();
        assertThat(outcomes).filteredOn(Existing.class::isInstance).hasSize(RACERS - 1)
                .allSatisfy(o -> assertThat(((Existing) o).entry()).isEqualTo(held));
        assertThat(find(key)).contains(held);
    }

    @Test
    void givenExpiredReservationAndManyConcurrentReserves_exactlyOneTakesItOver() throws Exception {
        IdempotencyKey key = freshKey();
        IdempotencyReservation crashed = reservation(key, "crashed", T0);
        reserve(crashed);
        Instant afterDeadline = crashed.reservedUntil().plusSeconds(1);

        List<ReservationOutcome> outcomes = race(i -> reservation(key, "racer-" + i, afterDeadline));

        List<Reserved> winners = outcomes.stream().filter(Reserved.class::isInstance).map(Reserved.class::cast).toList();
        assertThat(winners).singleElement().satisfies(w -> assertThat(w.tookOver()).isTrue());
        IdempotencyReservation held = winners.get(0).reservation();
        assertThat(outcomes).filteredOn(Existing.class::isInstance).hasSize(RACERS - 1)
                .allSatisfy(o -> assertThat(((Existing) o).entry()).isEqualTo(held));
        assertThat(find(key)).contains(held);
    }

    /** The second racer waits for the first's take-over to commit, then finds the key held again. */
    @Test
    void givenTwoTransactionsTakingOverTheSameReservation_theSecondSeesTheFirstsReservation() throws Exception {
        IdempotencyKey key = freshKey();
        IdempotencyReservation crashed = reservation(key, "crashed", T0);
        reserve(crashed);
        Instant afterDeadline = crashed.reservedUntil().plusSeconds(1);
        IdempotencyReservation winner = reservation(key, "first", afterDeadline);
        CountDownLatch firstTookOver = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<ReservationOutcome> first = executor.submit(() -> unitOfWork.inTransaction(() -> {
            ReservationOutcome outcome = store.reserve(winner);
            firstTookOver.countDown();
            awaitLatch(releaseFirst);
            return outcome;
        }));
        assertThat(firstTookOver.await(10, TimeUnit.SECONDS)).isTrue();
        Future<ReservationOutcome> second = executor.submit(() -> reserve(reservation(key, "second", afterDeadline)));
        awaitBlockedOnLock();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Reserved(winner, true));
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new Existing(winner));
    }

    @Test
    void givenWrongToken_complete_failsAndChangesNothing() {
        IdempotencyReservation holder = reservation(freshKey(), "a", T0);
        reserve(holder);
        IdempotencyReservation impostor = new IdempotencyReservation(holder.key(), holder.requestFingerprint(),
                UUID.randomUUID(), holder.reservedAt(), holder.reservedUntil());

        assertThatThrownBy(() -> unitOfWork.inTransaction(() ->
                store.complete(impostor, ArtifactId.of(UUID.randomUUID()), JobId.of(UUID.randomUUID()))))
                .isInstanceOf(IdempotencyReservationLostException.class);
        assertThat(find(holder.key())).contains(holder);
    }

    @Test
    void givenReservationTakenOver_completeByTheFormerHolder_failsAndRollsBackItsTransaction() {
        IdempotencyKey key = freshKey();
        IdempotencyReservation stalled = reservation(key, "stalled", T0);
        reserve(stalled);
        IdempotencyReservation taker = reservation(key, "taker", stalled.reservedUntil().plusSeconds(1));
        reserve(taker);
        IdempotencyReservation written = reservation(freshKey(), "written in the same transaction", T0);

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            store.reserve(written);
            store.complete(stalled, ArtifactId.of(UUID.randomUUID()), JobId.of(UUID.randomUUID()));
        })).isInstanceOf(IdempotencyReservationLostException.class);

        assertThat(find(key)).contains(taker);
        assertThat(find(written.key())).as("rolled back with the failed completion").isEmpty();
    }

    @Test
    void givenCompletedRecord_completeAgain_fails() {
        IdempotencyReservation reservation = reservation(freshKey(), "a", T0);
        reserve(reservation);
        ArtifactId artifact = ArtifactId.of(UUID.randomUUID());
        JobId job = JobId.of(UUID.randomUUID());
        unitOfWork.inTransaction(() -> store.complete(reservation, artifact, job));

        assertThatThrownBy(() -> unitOfWork.inTransaction(() ->
                store.complete(reservation, ArtifactId.of(UUID.randomUUID()), JobId.of(UUID.randomUUID()))))
                .isInstanceOf(IdempotencyReservationLostException.class);
        assertThat(find(reservation.key())).contains(reservation.complete(artifact, job));
    }

    @Test
    void givenOwnReservation_release_freesTheKey() {
        IdempotencyReservation reservation = reservation(freshKey(), "a", T0);
        reserve(reservation);

        unitOfWork.inTransaction(() -> store.release(reservation));

        assertThat(find(reservation.key())).isEmpty();
        IdempotencyReservation next = reservation(reservation.key(), "corrected", T0.plusSeconds(1));
        assertThat(reserve(next)).isEqualTo(new Reserved(next, false));
    }

    @Test
    void givenReservationOfAnotherTokenOrCompletedRecord_release_leavesItAlone() {
        IdempotencyKey key = freshKey();
        IdempotencyReservation stalled = reservation(key, "stalled", T0);
        reserve(stalled);
        IdempotencyReservation taker = reservation(key, "taker", stalled.reservedUntil().plusSeconds(1));
        reserve(taker);

        unitOfWork.inTransaction(() -> store.release(stalled));
        assertThat(find(key)).contains(taker);

        ArtifactId artifact = ArtifactId.of(UUID.randomUUID());
        JobId job = JobId.of(UUID.randomUUID());
        unitOfWork.inTransaction(() -> store.complete(taker, artifact, job));
        unitOfWork.inTransaction(() -> store.release(taker));
        assertThat(find(key)).contains(taker.complete(artifact, job));
    }

    /**
     * Times far in the past, so that the purge removes only rows of this test (and of its earlier runs) from
     * the module's schema, whatever the other tests left there.
     */
    @Test
    void purgeBefore_deletesOnlyOldRecordsAndLongExpiredReservations() {
        Instant cutoff = Instant.parse("2001-01-01T00:00:00Z");
        IdempotencyReservation oldCompleted = completed(reservation(freshKey(), "old", cutoff.minus(Duration.ofHours(1))));
        IdempotencyReservation newCompleted = completed(reservation(freshKey(), "new", cutoff.plusSeconds(1)));
        IdempotencyReservation abandoned = reservation(freshKey(), "abandoned", cutoff.minus(Duration.ofHours(1)));
        reserve(abandoned);
        IdempotencyReservation expiredAfterCutoff = reservation(freshKey(), "expired after cutoff",
                cutoff.minus(LIFETIME).plusSeconds(1));
        reserve(expiredAfterCutoff);

        int purged = unitOfWork.inTransaction(() -> store.purgeBefore(cutoff));

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(find(oldCompleted.key())).isEmpty();
        assertThat(find(abandoned.key())).isEmpty();
        assertThat(find(newCompleted.key())).isPresent();
        assertThat(find(expiredAfterCutoff.key())).contains(expiredAfterCutoff);
        assertThat(unitOfWork.inTransaction(() -> store.purgeBefore(cutoff))).as("nothing left to purge").isZero();
    }

    private IdempotencyReservation completed(IdempotencyReservation reservation) {
        reserve(reservation);
        unitOfWork.inTransaction(() -> store.complete(reservation, ArtifactId.of(UUID.randomUUID()),
                JobId.of(UUID.randomUUID())));
        return reservation;
    }

    private interface Candidates {
        IdempotencyReservation of(int racer);
    }

    /** {@link #RACERS} transactions reserve at once, released by one start gate. */
    private List<ReservationOutcome> race(Candidates candidates) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReservationOutcome>> attempts = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            IdempotencyReservation candidate = candidates.of(i);
            attempts.add(executor.submit(() -> {
                awaitLatch(start);
                return reserve(candidate);
            }));
        }
        start.countDown();
        List<ReservationOutcome> outcomes = new ArrayList<>();
        for (Future<ReservationOutcome> attempt : attempts) {
            outcomes.add(attempt.get(20, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /**
     * Waits until some backend of this database waits for a lock in a statement on the table. Whether a
     * racer waits in its insert (on a row whose update is not committed yet) or in its take-over update
     * is PostgreSQL's business; either way it waits for the first transaction.
     */
    private void awaitBlockedOnLock() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                unitOfWork.inTransaction(() -> ((Number) entityManager.createNativeQuery("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                        and query like '%idempotency_records%'""").getSingleResult()).longValue() > 0));
    }

    private ReservationOutcome reserve(IdempotencyReservation candidate) {
        return unitOfWork.inTransaction(() -> store.reserve(candidate));
    }

    private Optional<IdempotencyEntry> find(IdempotencyKey key) {
        return unitOfWork.inTransaction(() -> store.find(key));
    }

    private static IdempotencyKey freshKey() {
        return new IdempotencyKey(ApiKeyId.of(UUID.randomUUID()), SpaceId.of(UUID.randomUUID()), ROUTE,
                "client key " + UUID.randomUUID());
    }

    /** Times are whole microseconds, as timestamptz keeps them. */
    private static IdempotencyReservation reservation(IdempotencyKey key, String request, Instant at) {
        return IdempotencyReservation.reserve(key, sha256Hex(request), UUID.randomUUID(), at, LIFETIME);
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
