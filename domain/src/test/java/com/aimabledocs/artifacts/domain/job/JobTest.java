package com.aimabledocs.artifacts.domain.job;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static com.aimabledocs.artifacts.domain.job.JobStatus.FAILED;
import static com.aimabledocs.artifacts.domain.job.JobStatus.QUEUED;
import static com.aimabledocs.artifacts.domain.job.JobStatus.RUNNING;
import static com.aimabledocs.artifacts.domain.job.JobStatus.SUCCEEDED;
import static com.aimabledocs.artifacts.domain.job.JobTestData.DEFAULT_ERROR;
import static com.aimabledocs.artifacts.domain.job.JobTestData.DEFAULT_LEASE;
import static com.aimabledocs.artifacts.domain.job.JobTestData.DEFAULT_WORKER;
import static com.aimabledocs.artifacts.domain.job.JobTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.IllegalTransitionException;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.ValueSource;

class JobTest {

    private static final Instant LATER = DEFAULT_CREATED_AT.plus(Duration.ofMinutes(5));
    private static final Instant RETRY_AT = LATER.plus(Duration.ofSeconds(30));
    private static final FailureReason MISMATCH = new FailureReason("content_sha256_mismatch", "content does not match");
    private static final String WORKER = DEFAULT_WORKER;

    private static void assertInvariants(Job job) {
        assertThat(job.attempt()).isBetween(0, job.maxAttempts());
        assertThat(job.finishedAt().isPresent()).as("finishedAt iff final").isEqualTo(job.status().isFinal());
        if (job.status() == FAILED) {
            assertThat(job.error()).as("a failed job carries its error").isPresent();
        }
        if (job.status() == SUCCEEDED) {
            assertThat(job.error()).as("a succeeded job carries no error").isEmpty();
        }
        if (job.nextRetryAt().isPresent()) {
            assertThat(job.status()).as("only a queued job waits for a retry").isEqualTo(QUEUED);
        }
        assertThat(job.lease().isPresent()).as("a lease iff running").isEqualTo(job.status() == RUNNING);
        assertThat(job.updatedAt()).isAfterOrEqualTo(job.createdAt());
    }

    private static void assertSameIdentity(Job after, Job before) {
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.artifactId()).isEqualTo(before.artifactId());
        assertThat(after.spaceId()).isEqualTo(before.spaceId());
        assertThat(after.kind()).isEqualTo(before.kind());
        assertThat(after.maxAttempts()).isEqualTo(before.maxAttempts());
        assertThat(after.expectedSha256()).isEqualTo(before.expectedSha256());
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.version()).isEqualTo(before.version());
    }

    private static void assertIllegalTransition(Throwable thrown, JobStatus from, JobStatus to) {
        assertThat(thrown).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.code()).isEqualTo("illegal_transition");
            assertThat(e.getMessage()).contains("from " + from.wireName() + " to " + to.wireName());
        });
    }

    @Test
    void queue_createsJobWaitingForItsFirstAttempt() {
        JobId id = JobId.of(TestIds.next());
        ArtifactId artifactId = ArtifactId.of(TestIds.next());

        Job job = Job.queue(id, artifactId, DEFAULT_SPACE, JobKind.GENERATE, 3, Optional.empty(), DEFAULT_CREATED_AT);

        assertThat(job.id()).isEqualTo(id);
        assertThat(job.artifactId()).isEqualTo(artifactId);
        assertThat(job.status()).isEqualTo(QUEUED);
        assertThat(job.attempt()).isZero();
        assertThat(job.maxAttempts()).isEqualTo(3);
        assertThat(job.hasAttemptsLeft()).isTrue();
        assertThat(job.error()).isEmpty();
        assertThat(job.nextRetryAt()).isEmpty();
        assertThat(job.startedAt()).isEmpty();
        assertThat(job.finishedAt()).isEmpty();
        assertThat(job.createdAt()).isEqualTo(DEFAULT_CREATED_AT);
        assertThat(job.updatedAt()).isEqualTo(DEFAULT_CREATED_AT);
        assertThat(job.version()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Job.MAX_ATTEMPTS_LIMIT + 1})
    void givenMaxAttemptsOutOfRange_queue_isRefusedAsInvalidMaxAttempts(int maxAttempts) {
        assertThatThrownBy(() -> Job.queue(JobId.of(TestIds.next()), ArtifactId.of(TestIds.next()), DEFAULT_SPACE,
                JobKind.GENERATE, maxAttempts, Optional.empty(), DEFAULT_CREATED_AT))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_max_attempts"));
    }

    @Nested
    class Start {

        @Test
        void givenNewJob_start_beginsTheFirstAttempt() {
            Job before = aJob().build();

            Job after = before.start(LATER, WORKER, LATER.plus(DEFAULT_LEASE));

            assertThat(after.status()).isEqualTo(RUNNING);
            assertThat(after.attempt()).isEqualTo(1);
            assertThat(after.startedAt()).contains(LATER);
            assertThat(after.updatedAt()).isEqualTo(LATER);
            assertThat(after.finishedAt()).isEmpty();
            assertSameIdentity(after, before);
            assertInvariants(after);
            assertThat(before.status()).as("the original is immutable").isEqualTo(QUEUED);
        }

        @Test
        void givenJobWaitingForRetry_start_beginsTheNextAttemptAndClearsTheRetryTime() {
            Job before = aJob().waitingForRetryAt(RETRY_AT, DEFAULT_ERROR).withAttempt(1).updatedAt(LATER).build();

            Job after = before.start(RETRY_AT, WORKER, RETRY_AT.plus(DEFAULT_LEASE));

            assertThat(after.status()).isEqualTo(RUNNING);
            assertThat(after.attempt()).isEqualTo(2);
            assertThat(after.nextRetryAt()).isEmpty();
            assertThat(after.startedAt()).contains(RETRY_AT);
            assertInvariants(after);
        }

        @Test
        void givenQueuedJobWithoutAttemptsLeft_start_isRefused() {
            Job exhausted = aJob().withStatus(QUEUED).withAttempt(3).withMaxAttempts(3).build();

            assertThat(exhausted.hasAttemptsLeft()).isFalse();
            assertIllegalTransition(catchThrowable(() -> exhausted.start(LATER, WORKER, LATER.plus(DEFAULT_LEASE))), QUEUED, RUNNING);
        }

        @ParameterizedTest
        @EnumSource(names = "QUEUED", mode = Mode.EXCLUDE)
        void givenJobNotQueued_start_isRefusedAsIllegalTransition(JobStatus from) {
            Job job = aJob().withStatus(from).build();

            assertIllegalTransition(catchThrowable(() -> job.start(LATER, WORKER, LATER.plus(DEFAULT_LEASE))), from, RUNNING);
        }

        @Test
        void attemptsCount_upToMaxAttemptsThroughRetries() {
            Job job = aJob().withMaxAttempts(2).build();

            Job first = job.start(LATER, WORKER, LATER.plus(DEFAULT_LEASE));
            Job retry = first.retryAt(RETRY_AT, DEFAULT_ERROR, LATER);
            Job second = retry.start(RETRY_AT, WORKER, RETRY_AT.plus(DEFAULT_LEASE));

            assertThat(second.attempt()).isEqualTo(2);
            assertThat(second.hasAttemptsLeft()).isFalse();
            assertIllegalTransition(catchThrowable(() -> second.retryAt(RETRY_AT, DEFAULT_ERROR, RETRY_AT)), RUNNING, QUEUED);
        }
    }

    @Nested
    class Succeed {

        @ParameterizedTest
        @EnumSource(names = "RUNNING")
        void givenRunningJob_succeed_finishesIt(JobStatus from) {
            Job before = aJob().withStatus(from).withAttempt(2).build();

            Job after = before.succeed(LATER);

            assertThat(after.status()).isEqualTo(SUCCEEDED);
            assertThat(after.attempt()).isEqualTo(2);
            assertThat(after.finishedAt()).contains(LATER);
            assertThat(after.updatedAt()).isEqualTo(LATER);
            assertThat(after.startedAt()).isEqualTo(before.startedAt());
            assertThat(after.error()).isEmpty();
            assertSameIdentity(after, before);
            assertInvariants(after);
        }

        @Test
        void givenRunningRetryThatCarriesTheLastError_succeed_dropsTheError() {
            Job running = aJob().withStatus(RUNNING).withAttempt(2).withError(DEFAULT_ERROR).build();

            assertThat(running.succeed(LATER).error()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(names = "RUNNING", mode = Mode.EXCLUDE)
        void givenJobNotRunning_succeed_isRefusedAsIllegalTransition(JobStatus from) {
            Job job = aJob().withStatus(from).build();

            assertIllegalTransition(catchThrowable(() -> job.succeed(LATER)), from, SUCCEEDED);
        }
    }

    @Nested
    class Fail {

        @ParameterizedTest
        @EnumSource(names = "RUNNING")
        void givenRunningJob_fail_finishesItWithTheError(JobStatus from) {
            Job before = aJob().withStatus(from).build();

            Job after = before.fail(MISMATCH, LATER);

            assertThat(after.status()).isEqualTo(FAILED);
            assertThat(after.error()).contains(MISMATCH);
            assertThat(after.finishedAt()).contains(LATER);
            assertThat(after.updatedAt()).isEqualTo(LATER);
            assertThat(after.nextRetryAt()).isEmpty();
            assertSameIdentity(after, before);
            assertInvariants(after);
        }

        @ParameterizedTest
        @EnumSource(names = "RUNNING", mode = Mode.EXCLUDE)
        void givenJobNotRunning_fail_isRefusedAsIllegalTransition(JobStatus from) {
            Job job = aJob().withStatus(from).build();

            assertIllegalTransition(catchThrowable(() -> job.fail(MISMATCH, LATER)), from, FAILED);
        }

        @Test
        void givenNoReason_fail_isRefused() {
            Job job = aJob().withStatus(RUNNING).build();

            assertThatThrownBy(() -> job.fail(null, LATER)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class RetryAt {

        @Test
        void givenRunningJobWithAttemptsLeft_retryAt_queuesItAgain() {
            Job before = aJob().withStatus(RUNNING).withAttempt(1).withMaxAttempts(3).build();

            Job after = before.retryAt(RETRY_AT, DEFAULT_ERROR, LATER);

            assertThat(after.status()).isEqualTo(QUEUED);
            assertThat(after.attempt()).as("a retry does not use an attempt; starting does").isEqualTo(1);
            assertThat(after.nextRetryAt()).contains(RETRY_AT);
            assertThat(after.error()).contains(DEFAULT_ERROR);
            assertThat(after.finishedAt()).isEmpty();
            assertThat(after.updatedAt()).isEqualTo(LATER);
            assertSameIdentity(after, before);
            assertInvariants(after);
        }

        @Test
        void givenRunningJobOnItsLastAttempt_retryAt_isRefused() {
            Job last = aJob().withStatus(RUNNING).withAttempt(3).withMaxAttempts(3).build();

            assertIllegalTransition(catchThrowable(() -> last.retryAt(RETRY_AT, DEFAULT_ERROR, LATER)), RUNNING, QUEUED);
        }

        @ParameterizedTest
        @EnumSource(names = "RUNNING", mode = Mode.EXCLUDE)
        void givenJobNotRunning_retryAt_isRefusedAsIllegalTransition(JobStatus from) {
            Job job = aJob().withStatus(from).build();

            assertIllegalTransition(catchThrowable(() -> job.retryAt(RETRY_AT, DEFAULT_ERROR, LATER)), from, QUEUED);
        }

        @Test
        void givenNoRetryTimeOrReason_retryAt_isRefused() {
            Job job = aJob().withStatus(RUNNING).build();

            assertThatThrownBy(() -> job.retryAt(null, DEFAULT_ERROR, LATER)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> job.retryAt(RETRY_AT, null, LATER)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void givenClockBehindLastUpdate_transition_neverMovesUpdatedAtBackwards() {
        Job job = aJob().withStatus(RUNNING).updatedAt(LATER).build();

        Job succeeded = job.succeed(DEFAULT_CREATED_AT.plusSeconds(3));

        assertThat(succeeded.updatedAt()).isEqualTo(LATER);
        assertThat(succeeded.finishedAt()).contains(LATER);
    }

    @ParameterizedTest
    @EnumSource
    void givenJobInAnyState_asQueued_showsItAsItWasAccepted(JobStatus status) {
        Job job = aJob().withStatus(status).withAttempt(2).updatedAt(LATER).withVersion(5).build();

        Job queued = job.asQueued();

        assertThat(queued.id()).isEqualTo(job.id());
        assertThat(queued.artifactId()).isEqualTo(job.artifactId());
        assertThat(queued.spaceId()).isEqualTo(job.spaceId());
        assertThat(queued.kind()).isEqualTo(job.kind());
        assertThat(queued.maxAttempts()).isEqualTo(job.maxAttempts());
        assertThat(queued.status()).isEqualTo(QUEUED);
        assertThat(queued.attempt()).isZero();
        assertThat(queued.error()).isEmpty();
        assertThat(queued.nextRetryAt()).isEmpty();
        assertThat(queued.startedAt()).isEmpty();
        assertThat(queued.finishedAt()).isEmpty();
        assertThat(queued.createdAt()).isEqualTo(job.createdAt());
        assertThat(queued.updatedAt()).isEqualTo(job.createdAt());
        assertThat(queued.version()).isZero();
    }

    @Nested
    class Restore {

        @ParameterizedTest
        @EnumSource
        void givenConsistentState_restore_rebuildsTheJob(JobStatus status) {
            Job job = aJob().withStatus(status).withVersion(9).build();

            assertThat(job.status()).isEqualTo(status);
            assertThat(job.version()).isEqualTo(9);
            assertInvariants(job);
        }

        @Test
        void givenEveryField_restore_keepsEachInItsPlace() {
            JobId id = JobId.of(TestIds.next());
            ArtifactId artifactId = ArtifactId.of(TestIds.next());
            Sha256 digest = new Sha256("50edc755f4a3a4c7d3a0e0a36a8d7a2f3b5b4b2f6f6d3e1c0b9a8f7e6d5c4b3a");
            Instant started = DEFAULT_CREATED_AT.plusSeconds(1);
            Instant finished = DEFAULT_CREATED_AT.plusSeconds(2);
            Instant updated = DEFAULT_CREATED_AT.plusSeconds(3);

            Job job = Job.restore(f -> f.id(id).artifactId(artifactId).spaceId(DEFAULT_SPACE).kind(JobKind.GENERATE)
                    .status(FAILED).attempt(2).maxAttempts(4).expectedSha256(digest).error(MISMATCH)
                    .createdAt(DEFAULT_CREATED_AT).startedAt(started).finishedAt(finished).updatedAt(updated)
                    .version(7));

            assertThat(job.id()).isEqualTo(id);
            assertThat(job.artifactId()).isEqualTo(artifactId);
            assertThat(job.spaceId()).isEqualTo(DEFAULT_SPACE);
            assertThat(job.kind()).isEqualTo(JobKind.GENERATE);
            assertThat(job.status()).isEqualTo(FAILED);
            assertThat(job.attempt()).isEqualTo(2);
            assertThat(job.maxAttempts()).isEqualTo(4);
            assertThat(job.expectedSha256()).contains(digest);
            assertThat(job.nextRetryAt()).isEmpty();
            assertThat(job.error()).contains(MISMATCH);
            assertThat(job.lease()).isEmpty();
            assertThat(job.createdAt()).isEqualTo(DEFAULT_CREATED_AT);
            assertThat(job.startedAt()).contains(started);
            assertThat(job.finishedAt()).contains(finished);
            assertThat(job.updatedAt()).isEqualTo(updated);
            assertThat(job.version()).isEqualTo(7);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, Job.MAX_ATTEMPTS_LIMIT + 1})
        void givenMaxAttemptsOutOfRange_restore_isRefused(int maxAttempts) {
            assertThatThrownBy(() -> aJob().withMaxAttempts(maxAttempts).build())
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_max_attempts"));
        }

        @Test
        void givenMaxAttemptsAtTheLimit_restore_isAccepted() {
            assertThat(aJob().withMaxAttempts(Job.MAX_ATTEMPTS_LIMIT).build().maxAttempts()).isEqualTo(100);
            assertThat(aJob().withMaxAttempts(1).build().maxAttempts()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 4})
        void givenAttemptOutsideZeroToMax_restore_isRefused(int attempt) {
            assertThatThrownBy(() -> aJob().withStatus(RUNNING).withMaxAttempts(3).withAttempt(attempt).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("attempt");
        }

        @Test
        void givenFailedWithoutError_restore_isRefused() {
            assertThatThrownBy(() -> aJob().withStatus(FAILED).withError(null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("error");
        }

        @Test
        void givenSucceededWithError_restore_isRefused() {
            assertThatThrownBy(() -> aJob().withStatus(SUCCEEDED).withError(DEFAULT_ERROR).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("error");
        }

        @ParameterizedTest
        @EnumSource(names = "QUEUED", mode = Mode.EXCLUDE)
        void givenRetryTimeWhenNotQueued_restore_isRefused(JobStatus status) {
            assertThatThrownBy(() -> aJob().withStatus(status).withNextRetryAt(RETRY_AT).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("retry");
        }

        @ParameterizedTest
        @EnumSource(names = "RUNNING", mode = Mode.EXCLUDE)
        void givenLeaseWhenNotRunning_restore_isRefused(JobStatus status) {
            assertThatThrownBy(() -> aJob().withStatus(status).withLease(new JobLease(WORKER, LATER)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lease");
        }

        @Test
        void givenRunningWithoutLease_restore_isRefused() {
            assertThatThrownBy(() -> aJob().withStatus(RUNNING).withLease(null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lease");
        }

        @ParameterizedTest
        @EnumSource(names = {"SUCCEEDED", "FAILED"})
        void givenFinalJobWithoutFinishedAt_restore_isRefused(JobStatus status) {
            assertThatThrownBy(() -> aJob().withStatus(status).finishedAt(null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("finishedAt");
        }

        @ParameterizedTest
        @EnumSource(names = {"QUEUED", "RUNNING"})
        void givenOpenJobWithFinishedAt_restore_isRefused(JobStatus status) {
            assertThatThrownBy(() -> aJob().withStatus(status).finishedAt(LATER).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("finishedAt");
        }

        @Test
        void givenMissingRequiredField_restore_isRefused() {
            assertThatThrownBy(() -> aJob().withId(null).build()).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> aJob().forArtifact(null, DEFAULT_SPACE).build()).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Job.restore(job -> job.id(JobId.of(TestIds.next()))
                    .artifactId(ArtifactId.of(TestIds.next())).spaceId(DEFAULT_SPACE).kind(JobKind.GENERATE)
                    .maxAttempts(3).createdAt(DEFAULT_CREATED_AT).updatedAt(DEFAULT_CREATED_AT)))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("status");
        }
    }

    @Nested
    class Leases {

        private final Instant leaseEnd = LATER.plus(DEFAULT_LEASE);

        @Test
        void givenQueuedJob_start_holdsItUnderTheWorkersLease() {
            Job running = aJob().build().start(LATER, WORKER, leaseEnd);

            assertThat(running.lease()).contains(new JobLease(WORKER, leaseEnd));
            assertThat(running.isHeldBy(WORKER)).isTrue();
            assertThat(running.isHeldBy("worker-other")).isFalse();
            assertThat(running.hasExpiredLease(leaseEnd.minusMillis(1))).isFalse();
            assertThat(running.hasExpiredLease(leaseEnd)).as("a lease ending now has run out").isTrue();
        }

        @Test
        void givenLeaseEndingWhenItBegins_start_isRefused() {
            Job job = aJob().build();

            assertThatThrownBy(() -> job.start(LATER, WORKER, LATER)).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void givenBlankWorker_start_isRefusedAsInvalidLeaseOwner(String worker) {
            Job job = aJob().build();

            assertThatThrownBy(() -> job.start(LATER, worker, leaseEnd))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_lease_owner"));
        }

        @Test
        void givenHolder_renewLease_extendsItAndChangesNothingElse() {
            Job running = aJob().runningUnderLease(WORKER, leaseEnd).updatedAt(LATER).withVersion(4).build();

            Job renewed = running.renewLease(WORKER, leaseEnd.plusSeconds(20));

            assertThat(renewed.lease()).contains(new JobLease(WORKER, leaseEnd.plusSeconds(20)));
            assertThat(renewed.updatedAt()).as("a renewal is not a state change").isEqualTo(LATER);
            assertThat(renewed.version()).isEqualTo(4);
            assertThat(renewed.status()).isEqualTo(RUNNING);
            assertThat(renewed.attempt()).isEqualTo(running.attempt());
            assertInvariants(renewed);
        }

        @Test
        void givenEarlierEnd_renewLease_neverShrinksTheLease() {
            Job running = aJob().runningUnderLease(WORKER, leaseEnd).build();

            assertThat(running.renewLease(WORKER, leaseEnd.minusSeconds(5)).lease()).contains(new JobLease(WORKER, leaseEnd));
        }

        @Test
        void givenAnotherWorker_renewLease_isRefusedAsLeaseNotHeld() {
            Job running = aJob().runningUnderLease(WORKER, leaseEnd).build();

            assertThatThrownBy(() -> running.renewLease("worker-other", leaseEnd.plusSeconds(20)))
                    .isInstanceOfSatisfying(LeaseNotHeldException.class,
                            e -> assertThat(e.code()).isEqualTo("lease_not_held"));
        }

        @ParameterizedTest
        @EnumSource(names = "RUNNING", mode = Mode.EXCLUDE)
        void givenJobNotRunning_renewLease_isRefusedAsLeaseNotHeld(JobStatus status) {
            Job job = aJob().withStatus(status).build();

            assertThatThrownBy(() -> job.renewLease(WORKER, leaseEnd)).isInstanceOf(LeaseNotHeldException.class);
        }

        @Test
        void givenRunningJob_everyWayOut_dropsTheLease() {
            Job running = aJob().runningUnderLease(WORKER, leaseEnd).build();

            assertThat(running.succeed(LATER).lease()).isEmpty();
            assertThat(running.fail(MISMATCH, LATER).lease()).isEmpty();
            assertThat(running.retryAt(RETRY_AT, DEFAULT_ERROR, LATER).lease()).isEmpty();
            assertThat(running.giveUp(DEFAULT_ERROR, LATER).lease()).isEmpty();
        }
    }

    @Nested
    class ExpireLease {

        private final Instant expiredAt = LATER.minusSeconds(1);

        @Test
        void givenExpiredLeaseAndAttemptsLeft_expireLease_queuesTheJobForItsRetryTime() {
            Job running = aJob().runningUnderLease("worker-dead", expiredAt).withAttempt(1).withMaxAttempts(3).build();

            Job queued = running.expireLease(RETRY_AT, LATER);

            assertThat(queued.status()).isEqualTo(QUEUED);
            assertThat(queued.attempt()).as("the lost attempt stays counted").isEqualTo(1);
            assertThat(queued.nextRetryAt()).contains(RETRY_AT);
            assertThat(queued.lease()).isEmpty();
            assertThat(queued.error()).hasValueSatisfying(error -> {
                assertThat(error.code()).isEqualTo(Job.LEASE_EXPIRED);
                assertThat(error.message()).contains("worker-dead");
            });
            assertThat(queued.updatedAt()).isEqualTo(LATER);
            assertSameIdentity(queued, running);
            assertInvariants(queued);
        }

        @Test
        void givenExpiredLeaseOnTheLastAttempt_expireLease_failsTheJobAsAttemptsExhausted() {
            Job running = aJob().runningUnderLease("worker-dead", expiredAt).withAttempt(3).withMaxAttempts(3).build();

            Job failed = running.expireLease(RETRY_AT, LATER);

            assertThat(failed.status()).isEqualTo(FAILED);
            assertThat(failed.lease()).isEmpty();
            assertThat(failed.nextRetryAt()).isEmpty();
            assertThat(failed.finishedAt()).contains(LATER);
            assertThat(failed.error()).hasValueSatisfying(error -> {
                assertThat(error.code()).isEqualTo(Job.ATTEMPTS_EXHAUSTED);
                assertThat(error.message()).contains("3 attempts").contains(Job.LEASE_EXPIRED);
            });
            assertInvariants(failed);
        }

        @Test
        void givenLeaseStillHolding_expireLease_isRefusedAsLeaseNotExpired() {
            Job running = aJob().runningUnderLease(WORKER, LATER.plusMillis(1)).build();

            assertThatThrownBy(() -> running.expireLease(RETRY_AT, LATER))
                    .isInstanceOfSatisfying(LeaseNotExpiredException.class,
                            e -> assertThat(e.code()).isEqualTo("lease_not_expired"));
        }

        @ParameterizedTest
        @EnumSource(names = "RUNNING", mode = Mode.EXCLUDE)
        void givenJobNotRunning_expireLease_isRefusedAsIllegalTransition(JobStatus from) {
            Job job = aJob().withStatus(from).build();

            assertIllegalTransition(catchThrowable(() -> job.expireLease(RETRY_AT, LATER)), from, QUEUED);
        }
    }

    @Nested
    class HandBack {

        private final Instant leaseEnd = LATER.plusSeconds(20);

        @Test
        void givenJobRunningUnderTheWorkersLease_handBack_queuesItAtOnceWithoutCountingTheAttempt() {
            Job running = aJob().runningUnderLease(WORKER, leaseEnd).withAttempt(2).withMaxAttempts(3).build();

            Job queued = running.handBack(WORKER, LATER);

            assertThat(queued.status()).isEqualTo(QUEUED);
            assertThat(queued.attempt()).as("the unfinished attempt is not counted").isEqualTo(1);
            assertThat(queued.lease()).as("the lease ends now, not at its expiry").isEmpty();
            assertThat(queued.nextRetryAt()).as("ready at once").isEmpty();
            assertThat(queued.error()).isEmpty();
            assertThat(queued.updatedAt()).isEqualTo(LATER);
            assertThat(queued.isDueForRedrive(LATER, LATER.minusSeconds(1)))
                    .as("its request is sent again by whoever hands it back, not by the sweeper").isFalse();
            assertSameIdentity(queued, running);
            assertInvariants(queued);
        }

        @Test
        void givenJobOnItsLastAttempt_handBack_leavesThatAttemptToTheNextWorker() {
            Job running = aJob().runningUnderLease(WORKER, leaseEnd).withAttempt(3).withMaxAttempts(3).build();

            Job queued = running.handBack(WORKER, LATER);

            assertThat(queued.hasAttemptsLeft()).isTrue();
            Job restarted = queued.start(LATER.plusSeconds(1), "worker-other", LATER.plusSeconds(31));
            assertThat(restarted.attempt()).as("the same attempt, run by another worker").isEqualTo(3);
            assertThat(restarted.isHeldBy("worker-other")).isTrue();
        }

        @Test
        void givenJobRunningUnderAnotherWorkersLease_handBack_isRefusedAsLeaseNotHeld() {
            Job running = aJob().runningUnderLease("worker-other", leaseEnd).build();

            assertThatThrownBy(() -> running.handBack(WORKER, LATER))
                    .isInstanceOfSatisfying(LeaseNotHeldException.class,
                            e -> assertThat(e.code()).isEqualTo("lease_not_held"));
        }

        @ParameterizedTest
        @EnumSource(names = "RUNNING", mode = Mode.EXCLUDE)
        void givenJobNotRunning_handBack_isRefusedAsLeaseNotHeld(JobStatus status) {
            Job job = aJob().withStatus(status).build();

            assertThatThrownBy(() -> job.handBack(WORKER, LATER)).isInstanceOf(LeaseNotHeldException.class);
        }
    }

    @Nested
    class Redrive {

        private final Instant staleBefore = LATER.minus(Duration.ofMinutes(2));

        @Test
        void givenRetryTimeCome_redrive_usesItUpAndKeepsTheLastError() {
            Job waiting = aJob().waitingForRetryAt(LATER, DEFAULT_ERROR).updatedAt(LATER.minusSeconds(3)).build();

            Job redriven = waiting.redrive(LATER, staleBefore);

            assertThat(redriven.status()).isEqualTo(QUEUED);
            assertThat(redriven.nextRetryAt()).isEmpty();
            assertThat(redriven.error()).contains(DEFAULT_ERROR);
            assertThat(redriven.attempt()).isEqualTo(waiting.attempt());
            assertThat(redriven.updatedAt()).isEqualTo(LATER);
            assertThat(redriven.isDueForRedrive(LATER, staleBefore)).as("not again before its request had time").isFalse();
            assertSameIdentity(redriven, waiting);
            assertInvariants(redriven);
        }

        @Test
        void givenQueuedJobUntouchedSinceBeforeTheStaleLimit_redrive_touchesIt() {
            Job lost = aJob().updatedAt(staleBefore).build();

            Job redriven = lost.redrive(LATER, staleBefore);

            assertThat(redriven.updatedAt()).isEqualTo(LATER);
            assertThat(redriven.attempt()).isZero();
        }

        @Test
        void givenRetryTimeAhead_redrive_isRefusedAsNotDue() {
            Job waiting = aJob().waitingForRetryAt(LATER.plusMillis(1), DEFAULT_ERROR).build();

            assertThatThrownBy(() -> waiting.redrive(LATER, staleBefore))
                    .isInstanceOfSatisfying(JobNotDueException.class, e -> assertThat(e.code()).isEqualTo("job_not_due"));
        }

        @Test
        void givenRecentlyQueuedJob_redrive_isRefusedAsNotDue() {
            Job fresh = aJob().updatedAt(staleBefore.plusMillis(1)).build();

            assertThatThrownBy(() -> fresh.redrive(LATER, staleBefore)).isInstanceOf(JobNotDueException.class);
        }

        @ParameterizedTest
        @EnumSource(names = "QUEUED", mode = Mode.EXCLUDE)
        void givenJobNotQueued_redrive_isRefusedAsIllegalTransition(JobStatus from) {
            Job job = aJob().withStatus(from).build();

            assertIllegalTransition(catchThrowable(() -> job.redrive(LATER, staleBefore)), from, QUEUED);
        }

        @Test
        void isDueForRedrive_followsStatusRetryTimeStalenessAndLease() {
            assertThat(aJob().waitingForRetryAt(LATER, DEFAULT_ERROR).build().isDueForRedrive(LATER, staleBefore)).isTrue();
            assertThat(aJob().waitingForRetryAt(LATER.plusMillis(1), DEFAULT_ERROR).build().isDueForRedrive(LATER, staleBefore)).isFalse();
            assertThat(aJob().updatedAt(staleBefore).build().isDueForRedrive(LATER, staleBefore)).isTrue();
            assertThat(aJob().updatedAt(staleBefore.plusMillis(1)).build().isDueForRedrive(LATER, staleBefore)).isFalse();
            assertThat(aJob().runningUnderLease(WORKER, LATER).build().isDueForRedrive(LATER, staleBefore)).isTrue();
            assertThat(aJob().runningUnderLease(WORKER, LATER.plusMillis(1)).build().isDueForRedrive(LATER, staleBefore)).isFalse();
            assertThat(aJob().withStatus(SUCCEEDED).build().isDueForRedrive(LATER.plus(Duration.ofDays(9)), LATER)).isFalse();
            assertThat(aJob().withStatus(FAILED).build().isDueForRedrive(LATER.plus(Duration.ofDays(9)), LATER)).isFalse();
        }

        @Test
        void isWaitingForRetry_onlyWhileTheRetryTimeIsAhead() {
            assertThat(aJob().waitingForRetryAt(LATER.plusMillis(1), DEFAULT_ERROR).build().isWaitingForRetry(LATER)).isTrue();
            assertThat(aJob().waitingForRetryAt(LATER, DEFAULT_ERROR).build().isWaitingForRetry(LATER)).isFalse();
            assertThat(aJob().build().isWaitingForRetry(LATER)).isFalse();
        }
    }

    @Nested
    class ExpectedDigest {

        private final Sha256 digest = new Sha256("50edc755f4a3a4c7d3a0e0a36a8d7a2f3b5b4b2f6f6d3e1c0b9a8f7e6d5c4b3a");

        @Test
        void givenDeclaredDigest_queue_keepsItThroughEveryTransition() {
            Job queued = Job.queue(JobId.of(TestIds.next()), ArtifactId.of(TestIds.next()), DEFAULT_SPACE,
                    JobKind.GENERATE, 3, Optional.of(digest), DEFAULT_CREATED_AT);

            Job running = queued.start(LATER, WORKER, LATER.plus(DEFAULT_LEASE));
            Job retry = running.retryAt(RETRY_AT, DEFAULT_ERROR, LATER);

            assertThat(queued.expectedSha256()).contains(digest);
            assertThat(retry.expectedSha256()).contains(digest);
            assertThat(retry.start(RETRY_AT, WORKER, RETRY_AT.plus(DEFAULT_LEASE)).succeed(RETRY_AT).expectedSha256())
                    .contains(digest);
            assertThat(retry.asQueued().expectedSha256()).contains(digest);
        }

        @Test
        void generationRequest_isRebuiltFromTheJobAlone() {
            Job job = aJob().withExpectedSha256(digest).build();

            GenerationRequest request = job.generationRequest(LATER);

            assertThat(request).isEqualTo(new GenerationRequest(job.id(), job.artifactId(), job.spaceId(),
                    ObjectKey.contentOf(job.spaceId(), job.artifactId()), Optional.of(digest), LATER));
            assertThat(aJob().build().generationRequest(LATER).expectedSha256()).isEmpty();
        }
    }

    @Test
    void equality_isByIdWhateverTheState() {
        JobId id = JobId.of(TestIds.next());
        Job queued = aJob().withId(id).build();
        Job failed = aJob().withId(id).withStatus(FAILED).build();

        assertThat(queued).isEqualTo(failed).hasSameHashCodeAs(failed).isNotEqualTo(aJob().build());
        assertThat(failed.toString()).contains(id.toString()).contains("failed").contains("1/3");
    }
}
