package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.anArtifact;
import static com.aimabledocs.artifacts.domain.job.JobTestData.DEFAULT_ERROR;
import static com.aimabledocs.artifacts.domain.job.JobTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.RedriveStaleJobsUseCase.Sweep;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.job.JobTestData;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RedriveStaleJobsServiceTest {

    private static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final Duration BASE = Duration.ofSeconds(1);
    private static final int BATCH = 3;
    private static final Sha256 DIGEST = new Sha256("50edc755f4a3a4c7d3a0e0a36a8d7a2f3b5b4b2f6f6d3e1c0b9a8f7e6d5c4b3a");

    private final InMemoryPorts ports = new InMemoryPorts();
    private final RedriveStaleJobsService sweeper = new RedriveStaleJobsService(ports.artifacts, ports.jobs, ports.objects, ports.publisher, ports.events, ports.unitOfWork, ports.clock,
            new RetryPolicy(BASE, Duration.ofMinutes(1), () -> 0.5), STALE_AFTER, BATCH);
    private final Instant now = ports.clock.peek();

    /** Stores the job with an artifact in the matching state and its staged bytes; returns it as stored. */
    private Job given(JobTestData.Builder job) {
        Job built = job.build();
        ArtifactStatus artifactStatus = switch (built.status()) {
            case QUEUED -> built.attempt() == 0 ? ArtifactStatus.PENDING : ArtifactStatus.PROCESSING;
            case RUNNING -> ArtifactStatus.PROCESSING;
            case SUCCEEDED -> ArtifactStatus.READY;
            case FAILED -> ArtifactStatus.FAILED;
            case CANCELED -> ArtifactStatus.DELETED;
        };
        Artifact artifact = anArtifact().withId(built.artifactId()).inSpace(built.spaceId()).withStatus(artifactStatus).build();
        ports.artifacts.add(artifact);
        ports.jobs.put(built);
        ports.objects.store(staged(built), new byte[] {1, 2, 3}, MediaType.OCTET_STREAM);
        return built;
    }

    private static ObjectKey staged(Job job) {
        return ObjectKey.contentOf(job.spaceId(), job.artifactId());
    }

    private Job stored(Job job) {
        return ports.jobs.get(job.id());
    }

    @Nested
    class QueuedJobs {

        @Test
        void givenRetryTimeCome_sweep_sendsTheRequestAgainAndUsesTheRetryTimeUp() {
            Job waiting = given(aJob().waitingForRetryAt(now, DEFAULT_ERROR).withExpectedSha256(DIGEST)
                    .updatedAt(now.minusSeconds(1)));

            Sweep sweep = sweeper.sweep();

            assertThat(sweep.redriven()).extracting(Job::id).containsExactly(waiting.id());
            Job job = stored(waiting);
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.nextRetryAt()).isEmpty();
            assertThat(job.updatedAt()).isEqualTo(now);
            assertThat(job.attempt()).isEqualTo(waiting.attempt());
            assertThat(ports.publisher.single()).isEqualTo(new GenerationRequest(waiting.id(), waiting.artifactId(),
                    waiting.spaceId(), staged(waiting), Optional.of(DIGEST), now));
        }

        @Test
        void givenRetryTimeAhead_sweep_leavesTheJobWaiting() {
            Job waiting = given(aJob().waitingForRetryAt(now.plusMillis(1), DEFAULT_ERROR).updatedAt(now.minus(Duration.ofHours(1))));

            assertThat(sweeper.sweep().isEmpty()).isTrue();
            assertThat(stored(waiting)).usingRecursiveComparison().isEqualTo(waiting);
            assertThat(ports.publisher.published()).isEmpty();
        }

        @Test
        void givenQueuedJobUntouchedForTheStaleLimit_sweep_sendsItsLostRequestAgain() {
            Job lost = given(aJob().updatedAt(now.minus(STALE_AFTER)));
            Job fresh = given(aJob().updatedAt(now.minus(STALE_AFTER).plusMillis(1)));

            Sweep sweep = sweeper.sweep();

            assertThat(sweep.redriven()).extracting(Job::id).containsExactly(lost.id());
            assertThat(ports.publisher.single().jobId()).isEqualTo(lost.id());
            assertThat(ports.publisher.single().expectedSha256()).isEmpty();
            assertThat(stored(fresh)).usingRecursiveComparison().isEqualTo(fresh);
        }

        @Test
        void givenRedrivenJob_sweep_sendsItAgainOnlyAfterAnotherStaleLimit() {
            Job lost = given(aJob().updatedAt(now.minus(Duration.ofHours(1))));
            sweeper.sweep();

            ports.clock.advance(STALE_AFTER.minusMillis(1));
            assertThat(sweeper.sweep().isEmpty()).as("its request may still be on its way").isTrue();

            ports.clock.advance(Duration.ofMillis(1));
            assertThat(sweeper.sweep().redriven()).extracting(Job::id).containsExactly(lost.id());
            assertThat(ports.publisher.published()).hasSize(2);
        }

        @Test
        void givenPublishingFails_sweep_changesNothing() {
            Job lost = given(aJob().updatedAt(now.minus(Duration.ofHours(1))));
            ports.publisher.failNextWith(new IllegalStateException("outbox unavailable"));

            assertThatThrownBy(sweeper::sweep).hasMessageContaining("outbox unavailable");
            assertThat(stored(lost)).usingRecursiveComparison().isEqualTo(lost);
            assertThat(ports.publisher.published()).isEmpty();
        }
    }

    @Nested
    class RunningJobs {

        @Test
        void givenExpiredLeaseAndAttemptsLeft_sweep_takesTheJobBackForABackedOffRetry() {
            Job running = given(aJob().runningUnderLease("worker-dead", now).withAttempt(1));

            Sweep sweep = sweeper.sweep();

            assertThat(sweep.takenBack()).extracting(Job::id).containsExactly(running.id());
            Job job = stored(running);
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.lease()).isEmpty();
            assertThat(job.attempt()).isEqualTo(1);
            assertThat(job.nextRetryAt()).contains(now.plusMillis(500)); // attempt 1: 0.5 of min(cap, 1 s)
            assertThat(job.error()).map(FailureReason::code).contains(Job.LEASE_EXPIRED);
            assertThat(ports.publisher.published()).as("sent when the retry time comes").isEmpty();
            assertThat(ports.artifacts.get(running.artifactId()).status()).isEqualTo(ArtifactStatus.PROCESSING);
            assertThat(ports.events.names()).containsExactly("job.queued<-running");

            ports.clock.advance(Duration.ofMillis(500));
            assertThat(sweeper.sweep().redriven()).extracting(Job::id).containsExactly(running.id());
            assertThat(ports.publisher.single().jobId()).isEqualTo(running.id());
            assertThat(ports.events.names()).as("a re-drive leaves the job queued: no event").hasSize(1);
        }

        @Test
        void givenExpiredLeaseOnTheLastAttempt_sweep_failsJobAndArtifactAndSendsTheRequestToBeDeadLettered() {
            Job running = given(aJob().runningUnderLease("worker-dead", now.minusSeconds(1)).withAttempt(3)
                    .withMaxAttempts(3).withExpectedSha256(DIGEST));

            Sweep sweep = sweeper.sweep();

            assertThat(sweep.failed()).extracting(Job::id).containsExactly(running.id());
            Job job = stored(running);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).map(FailureReason::code).contains(Job.ATTEMPTS_EXHAUSTED);
            Artifact artifact = ports.artifacts.get(running.artifactId());
            assertThat(artifact.status()).isEqualTo(ArtifactStatus.FAILED);
            assertThat(artifact.failure()).map(FailureReason::code).contains(Job.ATTEMPTS_EXHAUSTED);
            assertThat(ports.publisher.single()).isEqualTo(running.generationRequest(now));
            assertThat(ports.objects.contains(staged(running))).as("staged bytes discarded").isFalse();
            assertThat(ports.events.names()).containsExactly("job.failed<-running", "artifact.failed<-processing");
        }

        @Test
        void givenLeaseStillHolding_sweep_leavesTheJobToItsWorker() {
            Job running = given(aJob().runningUnderLease("worker-alive", now.plusMillis(1)));

            assertThat(sweeper.sweep().isEmpty()).isTrue();
            assertThat(stored(running)).usingRecursiveComparison().isEqualTo(running);
        }
    }

    @Test
    void givenFinalJobs_sweep_neverTouchesThem() {
        Job succeeded = given(aJob().withStatus(JobStatus.SUCCEEDED).updatedAt(now.minus(Duration.ofDays(30))));
        Job failed = given(aJob().withStatus(JobStatus.FAILED).updatedAt(now.minus(Duration.ofDays(30))));

        assertThat(sweeper.sweep().isEmpty()).isTrue();
        assertThat(stored(succeeded)).usingRecursiveComparison().isEqualTo(succeeded);
        assertThat(stored(failed)).usingRecursiveComparison().isEqualTo(failed);
        assertThat(ports.publisher.published()).isEmpty();
    }

    @Test
    void givenMoreDueJobsThanABatch_sweep_handlesThemAllInBatchesOfOneTransactionEach() {
        IntStream.range(0, 2 * BATCH + 1).forEach(i -> given(aJob().updatedAt(now.minus(Duration.ofHours(1)))));
        int transactionsBefore = ports.unitOfWork.transactions();

        Sweep sweep = sweeper.sweep();

        assertThat(sweep.redriven()).hasSize(2 * BATCH + 1);
        assertThat(ports.publisher.published()).hasSize(2 * BATCH + 1);
        assertThat(ports.unitOfWork.transactions() - transactionsBefore).isEqualTo(3);
        assertThat(sweeper.sweep().isEmpty()).isTrue();
    }

    @Test
    void givenNonPositiveStaleLimitOrBatch_construction_isRefused() {
        RetryPolicy policy = new RetryPolicy(BASE, BASE, () -> 0.5);
        assertThatThrownBy(() -> new RedriveStaleJobsService(ports.artifacts, ports.jobs, ports.objects, ports.publisher, ports.events,
                ports.unitOfWork, ports.clock, policy, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedriveStaleJobsService(ports.artifacts, ports.jobs, ports.objects, ports.publisher, ports.events,
                ports.unitOfWork, ports.clock, policy, STALE_AFTER, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
