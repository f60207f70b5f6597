package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.POSTGRES_UUID_ORDER;
import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JobRepository} against real PostgreSQL. */
@QuarkusTest
class PanacheJobRepositoryTest {

    private static final FailureReason TRANSIENT = new FailureReason("storage_unavailable", "storage is unavailable");

    @Inject
    JobRepository jobs;

    @Inject
    ArtifactRepository artifacts;

    @Inject
    SpaceRepository spaces;

    @Inject
    UnitOfWork unitOfWork;

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

        Job running = find(job.id()).start(T0.plusSeconds(1));
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

        Job succeeded = storedWaiting.start(T0.plusSeconds(31)).succeed(T0.plusSeconds(32));
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
        unitOfWork.inTransaction(() -> jobs.update(find(job.id()).start(T0.plusSeconds(1))));
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
        unitOfWork.inTransaction(() -> jobs.update(first.start(T0.plusSeconds(1))));

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> jobs.update(second.start(T0.plusSeconds(2)))))
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
            jobs.update(mine.start(T0.plusSeconds(2)));
        }));
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        unitOfWork.inTransaction(() -> jobs.update(find(job.id()).start(T0.plusSeconds(1))));
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
        Job unrelated = Job.queue(JobId.of(UUID.randomUUID()), otherArtifact.id(), space, JobKind.GENERATE, 5, T0);
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

    private Job queued(Instant createdAt) {
        return Job.queue(JobId.of(UUID.randomUUID()), artifact.id(), space, JobKind.GENERATE, 5, createdAt);
    }

    private Job find(JobId id) {
        return unitOfWork.inTransaction(() -> jobs.findById(id)).orElseThrow();
    }
}
