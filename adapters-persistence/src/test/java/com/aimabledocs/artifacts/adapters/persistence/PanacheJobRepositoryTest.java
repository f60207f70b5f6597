package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.POSTGRES_UUID_ORDER;
import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.job.JobLease;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Contract of {@link JobRepository} against real PostgreSQL. */
@QuarkusTest
class PanacheJobRepositoryTest {

    private static final FailureReason TRANSIENT = new FailureReason("storage_unavailable", "storage is unavailable");
    private static final String WORKER = "worker-persistence-test";
    private static final Duration LEASE = Duration.ofSeconds(30);
    /**
     * The sweeper tests' times lie long before any other test's, so that no other job in the shared schema
     * is due at their {@code now}; they delete their jobs afterwards.
     */
    private static final Instant PAST = Instant.parse("2001-01-01T00:00:00Z");
    private static final Sha256 DIGEST = new Sha256("50edc755f4a3a4c7d3a0e0a36a8d7a2f3b5b4b2f6f6d3e1c0b9a8f7e6d5c4b3a");

    @Inject
    JobRepository jobs;

    @Inject
    ArtifactRepository artifacts;

    @Inject
    SpaceRepository spaces;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    PanacheJobRepository rows;

    private final List<JobId> toDelete = new ArrayList<>();

    private SpaceId space;
    private Artifact artifact;
    private ExecutorService executor;

    @BeforeEach
    void newArtifact() {
        space = Fixtures.newSpace(unitOfWork, spaces);
        artifact = Fixtures.pending(space, "thread-1");
        unitOfWork.inTransaction(() -> artifacts.add(artifact));
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
        if (!toDelete.isEmpty()) {
            unitOfWork.inTransaction(() -> rows.delete("id in ?1", toDelete.stream().map(JobId::value).toList()));
        }
    }

    @Test
    void givenQueuedJob_findById_returnsItAsAdded() {
        Job job = queued(T0.plusNanos(7_000));

        unitOfWork.inTransaction(() -> jobs.add(job));

        Job found = find(job.id());
        assertThat(found).usingRecursiveComparison().isEqualTo(job);
        assertThat(found.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(found.attempt()).isZero();
        assertThat(found.maxAttempts()).isEqualTo(5);
        assertThat(found.startedAt()).isEmpty();
        assertThat(found.version()).isZero();
    }

    @Test
    void givenUnknownId_findById_isEmpty() {
        assertThat(unitOfWork.inTransaction(() -> jobs.findById(JobId.of(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void givenJob_updateThroughRetryToSuccess_storesEachTransition() {
        Job job = queued(T0);
        unitOfWork.inTransaction(() -> jobs.add(job));

        Job running = find(job.id()).start(T0.plusSeconds(1), WORKER, T0.plusSeconds(1).plus(LEASE));
        unitOfWork.inTransaction(() -> jobs.update(running));
        assertThat(find(job.id())).usingRecursiveComparison().ignoringFields("version").isEqualTo(running);
        assertThat(find(job.id()).version()).isEqualTo(1);

        Job waiting = find(job.id()).retryAt(T0.plusSeconds(30), TRANSIENT, T0.plusSeconds(2));
        unitOfWork.inTransaction(() -> jobs.update(waiting));
        Job storedWaiting = find(job.id());
        assertThat(storedWaiting).usingRecursiveComparison().ignoringFields("version").isEqualTo(waiting);
        assertThat(storedWaiting.nextRetryAt()).contains(T0.plusSeconds(30));
        assertThat(storedWaiting.error()).contains(TRANSIENT);
        assertThat(storedWaiting.attempt()).isEqualTo(1);

        Job succeeded = storedWaiting.start(T0.plusSeconds(31), WORKER, T0.plusSeconds(31).plus(LEASE)).succeed(T0.plusSeconds(32));
        unitOfWork.inTransaction(() -> jobs.update(succeeded));
        Job stored = find(job.id());
        assertThat(stored).usingRecursiveComparison().ignoringFields("version").isEqualTo(succeeded);
        assertThat(stored.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(stored.attempt()).isEqualTo(2);
        assertThat(stored.error()).isEmpty();
        assertThat(stored.nextRetryAt()).isEmpty();
        assertThat(stored.finishedAt()).contains(T0.plusSeconds(32));
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void givenRunningJob_fail_storesItsError() {
        Job job = queued(T0);
        unitOfWork.inTransaction(() -> jobs.add(job));
        unitOfWork.inTransaction(() -> jobs.update(find(job.id()).start(T0.plusSeconds(1), WORKER, T0.plusSeconds(1).plus(LEASE))));
        FailureReason reason = new FailureReason("attempts_exhausted", "gave up after 5 attempts");

        unitOfWork.inTransaction(() -> jobs.update(find(job.id()).fail(reason, T0.plusSeconds(3))));

        Job stored = find(job.id());
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.error()).contains(reason);
        assertThat(stored.finishedAt()).contains(T0.plusSeconds(3));
    }

    @Test
    void givenStaleCopy_update_throwsConcurrentUpdate() {
        Job job = queued(T0);
        unitOfWork.inTransaction(() -> jobs.add(job));
        Job first = find(job.id());
        Job second = find(job.id());
        unitOfWork.inTransaction(() -> jobs.update(first.start(T0.plusSeconds(1), WORKER, T0.plusSeconds(1).plus(LEASE))));

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> jobs.update(second.start(T0.plusSeconds(2), WORKER, T0.plusSeconds(2).plus(LEASE)))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(find(job.id()).startedAt()).contains(T0.plusSeconds(1));
        assertThat(find(job.id()).version()).isEqualTo(1);
    }

    /** Two workers claiming the same job: the one that read before the other committed must lose cleanly. */
    @Test
    void givenConcurrentReadModifyWrite_update_loserGetsConcurrentUpdate() throws Exception {
        Job job = queued(T0);
        unitOfWork.inTransaction(() -> jobs.add(job));
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);

        Future<?> loser = executor.submit(() -> unitOfWork.inTransaction(() -> {
            Job mine = jobs.findById(job.id()).orElseThrow();
            read.countDown();
            try {
                otherCommitted.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jobs.update(mine.start(T0.plusSeconds(2), WORKER, T0.plusSeconds(2).plus(LEASE)));
        }));
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        unitOfWork.inTransaction(() -> jobs.update(find(job.id()).start(T0.plusSeconds(1), WORKER, T0.plusSeconds(1).plus(LEASE))));
        otherCommitted.countDown();

        assertThatThrownBy(() -> loser.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ConcurrentUpdateException.class);
        assertThat(find(job.id()).startedAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void givenSeveralJobs_listForArtifact_returnsThemOldestFirstAndOnlyInTheirSpace() {
        Job third = queued(T0.plusSeconds(20));
        Job first = queued(T0);
        Job tiedA = queued(T0.plusSeconds(10));
        Job tiedB = queued(T0.plusSeconds(10));
        Artifact otherArtifact = Fixtures.pending(space);
        Job unrelated = Job.queue(JobId.of(UUID.randomUUID()), otherArtifact.id(), space, JobKind.GENERATE, 5, Optional.empty(), T0);
        unitOfWork.inTransaction(() -> {
            artifacts.add(otherArtifact);
            Stream.of(third, first, tiedA, tiedB, unrelated).forEach(jobs::add);
        });
        List<Job> tied = Stream.of(tiedA, tiedB)
                .sorted(Comparator.comparing(j -> j.id().value(), POSTGRES_UUID_ORDER)).toList();

        List<Job> listed = unitOfWork.inTransaction(() -> jobs.listForArtifact(space, artifact.id()));

        assertThat(listed).extracting(Job::id)
                .containsExactly(first.id(), tied.get(0).id(), tied.get(1).id(), third.id());
        assertThat(listed.get(0)).usingRecursiveComparison().isEqualTo(first);
        SpaceId other = Fixtures.newSpace(unitOfWork, spaces);
        assertThat(unitOfWork.inTransaction(() -> jobs.listForArtifact(other, artifact.id()))).isEmpty();
    }

    @Test
    void givenJobWithDigestAndLease_findById_returnsThemAsStored() {
        Job job = Job.queue(JobId.of(UUID.randomUUID()), artifact.id(), space, JobKind.GENERATE, 5,
                Optional.of(DIGEST), T0);
        unitOfWork.inTransaction(() -> jobs.add(job));
        Job running = find(job.id()).start(T0.plusSeconds(1), WORKER, T0.plusSeconds(31));

        unitOfWork.inTransaction(() -> jobs.update(running));

        Job found = find(job.id());
        assertThat(found).usingRecursiveComparison().ignoringFields("version").isEqualTo(running);
        assertThat(found.expectedSha256()).contains(DIGEST);
        assertThat(found.lease()).contains(new JobLease(WORKER, T0.plusSeconds(31)));
        unitOfWork.inTransaction(() -> jobs.update(found.succeed(T0.plusSeconds(2))));
        assertThat(find(job.id()).lease()).isEmpty();
        assertThat(find(job.id()).expectedSha256()).as("kept for good").contains(DIGEST);
    }

    @Nested
    class RenewLease {

        private Job running;

        @BeforeEach
        void runningJob() {
            Job job = queued(T0);
            unitOfWork.inTransaction(() -> jobs.add(job));
            unitOfWork.inTransaction(() -> jobs.update(find(job.id()).start(T0.plusSeconds(1), WORKER, T0.plusSeconds(31))));
            running = find(job.id());
        }

        @Test
        void givenHolder_renewLease_extendsItWithoutAVersionBump() {
            boolean renewed = unitOfWork.inTransaction(() -> jobs.renewLease(running.id(), WORKER, T0.plusSeconds(61)));

            assertThat(renewed).isTrue();
            Job stored = find(running.id());
            assertThat(stored.lease()).contains(new JobLease(WORKER, T0.plusSeconds(61)));
            assertThat(stored.version()).isEqualTo(running.version());
            assertThat(stored.updatedAt()).isEqualTo(running.updatedAt());
        }

        @Test
        void givenRenewalBetweenTheHoldersReadAndWrite_update_stillSucceeds() {
            Job read = find(running.id());
            unitOfWork.inTransaction(() -> jobs.renewLease(running.id(), WORKER, T0.plusSeconds(61)));

            unitOfWork.inTransaction(() -> jobs.update(read.succeed(T0.plusSeconds(40))));

            assertThat(find(running.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(find(running.id()).lease()).isEmpty();
        }

        @Test
        void givenEarlierEnd_renewLease_keepsTheLongerLease() {
            assertThat(unitOfWork.inTransaction(() -> jobs.renewLease(running.id(), WORKER, T0.plusSeconds(5)))).isTrue();

            assertThat(find(running.id()).lease()).contains(new JobLease(WORKER, T0.plusSeconds(31)));
        }

        @Test
        void givenAnotherWorker_renewLease_isRefusedAndChangesNothing() {
            assertThat(unitOfWork.inTransaction(() -> jobs.renewLease(running.id(), "worker-other", T0.plusSeconds(61))))
                    .isFalse();

            assertThat(find(running.id())).usingRecursiveComparison().isEqualTo(running);
        }

        @Test
        void givenJobNoLongerRunning_renewLease_isRefused() {
            unitOfWork.inTransaction(() -> jobs.update(running.retryAt(T0.plusSeconds(40), TRANSIENT, T0.plusSeconds(35))));

            assertThat(unitOfWork.inTransaction(() -> jobs.renewLease(running.id(), WORKER, T0.plusSeconds(61)))).isFalse();
            assertThat(find(running.id()).lease()).isEmpty();
            assertThat(unitOfWork.inTransaction(() -> jobs.renewLease(JobId.of(UUID.randomUUID()), WORKER, T0))).isFalse();
        }
    }

    @Nested
    class ClaimDueForRedrive {

        private final Instant now = PAST.plus(Duration.ofHours(1));
        private final Instant staleBefore = now.minus(Duration.ofMinutes(2));

        /** Stores the job as it is, whatever its state, through the repository (added queued, then updated). */
        private Job store(Job job) {
            unitOfWork.inTransaction(() -> jobs.add(Job.queue(job.id(), job.artifactId(), job.spaceId(), job.kind(),
                    job.maxAttempts(), job.expectedSha256(), job.createdAt())));
            toDelete.add(job.id());
            Job target = Job.restore(j -> j.id(job.id()).artifactId(job.artifactId()).spaceId(job.spaceId())
                    .kind(job.kind()).status(job.status()).attempt(job.attempt()).maxAttempts(job.maxAttempts())
                    .expectedSha256(job.expectedSha256().orElse(null)).nextRetryAt(job.nextRetryAt().orElse(null))
                    .error(job.error().orElse(null)).lease(job.lease().orElse(null)).createdAt(job.createdAt())
                    .startedAt(job.startedAt().orElse(null)).finishedAt(job.finishedAt().orElse(null))
                    .updatedAt(job.updatedAt()).version(0));
            unitOfWork.inTransaction(() -> jobs.update(target));
            return find(job.id());
        }

        private Job queuedAt(Instant updatedAt) {
            return store(Job.queue(JobId.of(UUID.randomUUID()), artifact.id(), space, JobKind.GENERATE, 5, Optional.empty(), updatedAt));
        }

        private Job waitingUntil(Instant retryAt) {
            Job queued = Job.queue(JobId.of(UUID.randomUUID()), artifact.id(), space, JobKind.GENERATE, 5, Optional.empty(), PAST);
            Job running = queued.start(PAST.plusSeconds(1), WORKER, PAST.plusSeconds(31));
            return store(running.retryAt(retryAt, TRANSIENT, PAST.plusSeconds(2)));
        }

        private Job runningJob(Instant leaseEnd) {
            Job queued = Job.queue(JobId.of(UUID.randomUUID()), artifact.id(), space, JobKind.GENERATE, 5, Optional.empty(), PAST);
            return queued.start(PAST.plusSeconds(1), "worker-dead", leaseEnd);
        }

        private Job runningUntil(Instant leaseEnd) {
            return store(runningJob(leaseEnd));
        }

        private List<JobId> mine(List<Job> claimed) {
            return claimed.stream().map(Job::id).filter(toDelete::contains).toList();
        }

        @Test
        void givenJobsInEveryState_claim_returnsExactlyTheDueOnes() {
            Job retryDue = waitingUntil(now);
            Job retryAhead = waitingUntil(now.plusMillis(1));
            Job stale = queuedAt(staleBefore);
            Job fresh = queuedAt(staleBefore.plusMillis(1));
            Job leaseExpired = runningUntil(now);
            Job leaseHolding = runningUntil(now.plusMillis(1));
            Job finished = store(runningJob(now.plusSeconds(5)).succeed(PAST.plusSeconds(3)));

            List<Job> claimed = unitOfWork.inTransaction(() -> jobs.claimDueForRedrive(now, staleBefore, 1000));

            assertThat(mine(claimed)).containsExactlyInAnyOrder(retryDue.id(), stale.id(), leaseExpired.id());
            assertThat(claimed).filteredOn(j -> j.id().equals(leaseExpired.id())).singleElement()
                    .usingRecursiveComparison().isEqualTo(leaseExpired);
            assertThat(claimed).allSatisfy(j -> assertThat(j.isDueForRedrive(now, staleBefore)).isTrue());
            assertThat(List.of(retryAhead, fresh, leaseHolding, finished))
                    .noneMatch(j -> j.isDueForRedrive(now, staleBefore));
        }

        @Test
        void givenMoreDueJobsThanTheLimit_claim_returnsTheLimit() {
            for (int i = 0; i < 3; i++) {
                queuedAt(PAST);
            }

            assertThat(unitOfWork.inTransaction(() -> jobs.claimDueForRedrive(now, staleBefore, 2))).hasSize(2);
        }

        @Test
        void givenClaimedJob_update_storesItsTransitionInTheSameTransaction() {
            Job stale = queuedAt(PAST);

            unitOfWork.inTransaction(() -> jobs.claimDueForRedrive(now, staleBefore, 1000).stream()
                    .filter(j -> j.id().equals(stale.id()))
                    .forEach(j -> jobs.update(j.redrive(now, staleBefore))));

            Job stored = find(stale.id());
            assertThat(stored.updatedAt()).isEqualTo(now);
            assertThat(stored.isDueForRedrive(now, staleBefore)).isFalse();
            assertThat(mine(unitOfWork.inTransaction(() -> jobs.claimDueForRedrive(now, staleBefore, 1000)))).isEmpty();
        }

        /** Two sweepers at once: the second skips what the first holds instead of waiting or taking it too. */
        @Test
        void givenAnotherSweeperHoldingTheDueJobs_claim_skipsThem() throws Exception {
            Job first = queuedAt(PAST);
            Job second = runningUntil(now.minusSeconds(1));
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<List<JobId>> holder = executor.submit(() -> unitOfWork.inTransaction(() -> {
                List<JobId> ids = mine(jobs.claimDueForRedrive(now, staleBefore, 1000));
                claimed.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ids;
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            List<JobId> other = mine(unitOfWork.inTransaction(() -> jobs.claimDueForRedrive(now, staleBefore, 1000)));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            release.countDown();

            assertThat(holder.get(10, TimeUnit.SECONDS)).containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(other).isEmpty();
            assertThat(took).as("skipped, not waited for").isLessThan(Duration.ofSeconds(5));
            assertThat(mine(unitOfWork.inTransaction(() -> jobs.claimDueForRedrive(now, staleBefore, 1000))))
                    .as("free again once the holder ended").containsExactlyInAnyOrder(first.id(), second.id());
        }
    }

    private Job queued(Instant createdAt) {
        return Job.queue(JobId.of(UUID.randomUUID()), artifact.id(), space, JobKind.GENERATE, 5, Optional.empty(), createdAt);
    }

    private Job find(JobId id) {
        return unitOfWork.inTransaction(() -> jobs.findById(id)).orElseThrow();
    }
}
