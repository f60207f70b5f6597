package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.aGenerateCommand;
import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.sha256Of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.AlreadyFinished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Finished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.LeaseHeldElsewhere;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Outcome;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.RetryScheduled;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.UnknownJob;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.WaitingForRetry;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobLease;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProcessGenerationRequestServiceTest {

    private static final byte[] BYTES = "the quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    private static final Duration BASE = Duration.ofSeconds(1);

    private static final String WORKER = "worker-a";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final RetryPolicy retryPolicy = new RetryPolicy(BASE, Duration.ofMinutes(1), () -> 0.5);
    private final HeldJobs held = new HeldJobs();
    private final ProcessGenerationRequestService service = serviceWith(ports.detector);

    private ProcessGenerationRequestService serviceWith(MediaTypeDetector detector) {
        return new ProcessGenerationRequestService(ports.artifacts, ports.spaces, ports.jobs, ports.objects, detector, ports.events,
                ports.unitOfWork, ports.clock, retryPolicy, new LeaseTerms(WORKER, LEASE), held);
    }

    /** Accepts a generation the way the API does and returns the request the worker receives. */
    private GenerationRequest accept(GenerateArtifactCommandTestData.Builder command, int maxAttempts) {
        ports.generateArtifactService(maxAttempts).generate(command.build());
        List<GenerationRequest> published = ports.publisher.published();
        ports.clock.advance(Duration.ofSeconds(5));
        return published.get(published.size() - 1);
    }

    private GenerationRequest accept(GenerateArtifactCommandTestData.Builder command) {
        return accept(command, 3);
    }

    private Job job(GenerationRequest request) {
        return ports.jobs.get(request.jobId());
    }

    private Artifact artifact(GenerationRequest request) {
        return ports.artifacts.get(request.artifactId());
    }

    private static ObjectKey finalKey(GenerationRequest request) {
        return ObjectKey.contentOf(request.spaceId(), request.artifactId());
    }

    @Nested
    class Succeeding {

        @Test
        void givenStagedContent_process_storesItForGoodAndFinishesJobAndArtifact() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES).withMediaType("text/plain")
                    .withCorrectContentSha256());
            Instant now = ports.clock.peek();
            ports.events.clear();

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOfSatisfying(Finished.class, f -> {
                assertThat(f.job().status()).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(f.job().attempt()).isEqualTo(1);
            });
            Job job = job(request);
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.attempt()).isEqualTo(1);
            assertThat(job.error()).isEmpty();
            assertThat(job.startedAt()).contains(now);
            assertThat(job.finishedAt()).contains(now);
            assertThat(job.lease()).isEmpty();
            assertThat(held.snapshot()).as("the job is let go").isEmpty();
            Artifact artifact = artifact(request);
            assertThat(artifact.status()).isEqualTo(ArtifactStatus.READY);
            assertThat(artifact.content()).contains(new StoredContent(BYTES.length, sha256Of(BYTES),
                    new MediaType("text/plain"), new MediaType("application/pdf")));
            assertThat(artifact.updatedAt()).isEqualTo(now);
            assertThat(ports.events.names()).containsExactly("job.running<-queued", "artifact.processing<-pending",
                    "job.succeeded<-running", "artifact.ready<-processing");
        }

        @Test
        void givenQueuedJob_process_runsItUnderThisWorkersLease() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            Instant now = ports.clock.peek();
            List<JobLease> leasesSeen = new ArrayList<>();
            List<List<JobId>> renewedWhileCopying = new ArrayList<>();
            MediaTypeDetector spy = (content, name) -> {
                leasesSeen.add(job(request).lease().orElseThrow());
                renewedWhileCopying.add(held.leasedJobs());
                return MediaType.OCTET_STREAM;
            };

            serviceWith(spy).process(request);

            assertThat(leasesSeen).containsExactly(new JobLease(WORKER, now.plus(LEASE)));
            assertThat(renewedWhileCopying).containsExactly(List.of(request.jobId()));
            assertThat(held.leasedJobs()).isEmpty();
        }

        @Test
        void givenContentStagedUnderTheArtifactsKey_process_readsItOnceAndWritesNothing() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES).withMediaType("text/plain"));
            assertThat(request.stagedContent()).isEqualTo(finalKey(request));
            int writesBefore = ports.objects.putCount();

            service.process(request);

            assertThat(ports.objects.keys()).containsExactly(finalKey(request));
            assertThat(ports.objects.bytesAt(finalKey(request))).isEqualTo(BYTES);
            assertThat(ports.objects.putCount()).as("no copy").isEqualTo(writesBefore);
            assertThat(ports.objects.openStreams()).as("staged stream closed").isZero();
        }

        @Test
        void givenDeclaredMediaType_process_servesItAndRecordsTheDetectedOne() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES).withMediaType("image/svg+xml"));

            service.process(request);

            StoredContent content = artifact(request).content().orElseThrow();
            assertThat(content.mediaType()).isEqualTo(new MediaType("image/svg+xml"));
            assertThat(content.detectedMediaType()).isEqualTo(new MediaType("application/pdf"));
            assertThat(ports.detector.calls()).isEqualTo(1);
        }

        @Test
        void givenSpaceRejectingMismatchesAndContradictingType_process_failsTheJobForGood() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES).withMediaType("image/png"));
            ports.spaces.add(new Space(request.spaceId(), "strict", MediaTypePolicy.REJECT_MISMATCH, ports.clock.peek()));

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOf(Finished.class);
            assertThat(job(request).status()).isEqualTo(JobStatus.FAILED);
            assertThat(job(request).error().orElseThrow().code()).isEqualTo("media_type_mismatch");
            assertThat(artifact(request).status()).isEqualTo(ArtifactStatus.FAILED);
            assertThat(ports.objects.keys()).as("nothing kept").isEmpty();
        }

        @Test
        void givenSpaceRejectingMismatchesAndMatchingType_process_succeeds() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES).withMediaType("application/pdf"));
            ports.spaces.add(new Space(request.spaceId(), "strict", MediaTypePolicy.REJECT_MISMATCH, ports.clock.peek()));

            service.process(request);

            assertThat(job(request).status()).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void givenArtifactDeletedBeforeTheWorkerStarts_process_cancelsTheJobAndLeavesTheBytesToThePurge() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            ports.artifacts.update(artifact(request).delete(ports.clock.peek()));
            int readsBefore = ports.objects.openCount();

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOf(AlreadyFinished.class);
            assertThat(job(request).status()).isEqualTo(JobStatus.CANCELED);
            assertThat(artifact(request).status()).isEqualTo(ArtifactStatus.DELETED);
            assertThat(ports.objects.openCount()).as("the bytes are not read").isEqualTo(readsBefore);
        }

        @Test
        void givenNoDeclaredMediaType_process_usesTheDetectorsAnswerAndKeepsEveryByte() {
            GenerationRequest request = accept(aGenerateCommand().named("scan.bin").withContent(BYTES));

            service.process(request);

            assertThat(ports.detector.calls()).isEqualTo(1);
            assertThat(ports.detector.namesSeen()).containsExactly(new ArtifactName("scan.bin"));
            assertThat(ports.detector.headsSeen().get(0)).isEqualTo(Arrays.copyOf(BYTES, 16));
            Artifact artifact = artifact(request);
            assertThat(artifact.content().orElseThrow().mediaType()).isEqualTo(new MediaType("application/pdf"));
            assertThat(artifact.content().orElseThrow().sha256()).as("bytes read by the detector are hashed once")
                    .isEqualTo(sha256Of(BYTES));
            assertThat(artifact.content().orElseThrow().sizeBytes()).isEqualTo(BYTES.length);
            assertThat(ports.objects.bytesAt(finalKey(request))).as("the detector's read was reset").isEqualTo(BYTES);
        }

        @Test
        void givenLargeContent_process_storesAllOfIt() {
            byte[] large = new byte[300 * 1024 + 17];
            for (int i = 0; i < large.length; i++) {
                large[i] = (byte) (i * 31);
            }
            GenerationRequest request = accept(aGenerateCommand().withContent(large).withCorrectContentSha256());

            service.process(request);

            assertThat(ports.objects.bytesAt(finalKey(request))).isEqualTo(large);
            assertThat(artifact(request).content().orElseThrow().sizeBytes()).isEqualTo(large.length);
        }

        @Test
        void givenEmptyContent_process_makesAReadyEmptyArtifact() {
            GenerationRequest request = accept(aGenerateCommand().withContent(new byte[0]).withMediaType("text/plain"));

            service.process(request);

            StoredContent content = artifact(request).content().orElseThrow();
            assertThat(content.sizeBytes()).isZero();
            assertThat(content.sha256().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        }
    }

    @Nested
    class Redelivery {

        @Test
        void givenRequestProcessedTwice_secondTime_isAlreadyFinishedAndChangesNothing() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            service.process(request);
            Job jobAfterFirst = job(request);
            Artifact artifactAfterFirst = artifact(request);
            int puts = ports.objects.putCount();
            int deletes = ports.objects.deletes().size();
            int jobUpdates = ports.jobs.updates();
            int artifactUpdates = ports.artifacts.updates();
            ports.clock.advance(Duration.ofMinutes(1));

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOfSatisfying(AlreadyFinished.class,
                    a -> assertThat(a.job()).usingRecursiveComparison().isEqualTo(jobAfterFirst));
            assertThat(ports.objects.putCount()).isEqualTo(puts);
            assertThat(ports.objects.deletes()).hasSize(deletes);
            assertThat(ports.jobs.updates()).isEqualTo(jobUpdates);
            assertThat(ports.artifacts.updates()).isEqualTo(artifactUpdates);
            assertThat(job(request)).usingRecursiveComparison().isEqualTo(jobAfterFirst);
            assertThat(artifact(request)).usingRecursiveComparison().isEqualTo(artifactAfterFirst);
        }

        @Test
        void givenFailedJob_process_isAlreadyFinished() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            ports.objects.lose(request.stagedContent());
            service.process(request);

            assertThat(service.process(request)).isInstanceOf(AlreadyFinished.class);
            assertThat(job(request).status()).isEqualTo(JobStatus.FAILED);
        }

        @Test
        void givenJobRunningUnderThisWorkersLease_process_resumesItWithoutUsingAnotherAttempt() {
            // say, a second try after a concurrent update, or a redelivery while this worker holds the job
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            Instant startTime = ports.clock.peek();
            ports.jobs.update(job(request).start(startTime, WORKER, startTime.plus(LEASE)));
            ports.artifacts.update(artifact(request).startProcessing(startTime));
            ports.clock.advance(Duration.ofSeconds(10));

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOf(Finished.class);
            assertThat(job(request).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job(request).attempt()).isEqualTo(1);
            assertThat(artifact(request).status()).isEqualTo(ArtifactStatus.READY);
        }

        @Test
        void givenJobRunningUnderAnotherWorkersLease_process_leavesItToThatWorker() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            Instant startTime = ports.clock.peek();
            ports.jobs.update(job(request).start(startTime, "worker-b", startTime.plus(LEASE)));
            Job before = job(request);
            int puts = ports.objects.putCount();

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOfSatisfying(LeaseHeldElsewhere.class,
                    o -> assertThat(o.job()).usingRecursiveComparison().isEqualTo(before));
            assertThat(job(request)).usingRecursiveComparison().isEqualTo(before);
            assertThat(ports.objects.putCount()).isEqualTo(puts);
            assertThat(ports.objects.contains(request.stagedContent())).isTrue();
        }

        @Test
        void givenJobLeftRunningByACrashedWorkerWithAnExpiredLease_process_leavesTakingItBackToTheSweeper() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            Instant crashTime = ports.clock.peek();
            ports.jobs.update(job(request).start(crashTime, "worker-dead", crashTime.plus(LEASE)));
            ports.clock.advance(Duration.ofMinutes(5));
            Job before = job(request);

            assertThat(service.process(request)).isInstanceOf(LeaseHeldElsewhere.class);
            assertThat(job(request)).usingRecursiveComparison().isEqualTo(before);
            assertThat(job(request).hasExpiredLease(ports.clock.peek())).isTrue();
        }

        @Test
        void givenAnotherThreadOfThisWorkerOnTheJob_process_leavesItToThatThread() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            held.tryHold(request.jobId());

            assertThat(service.process(request)).isInstanceOf(LeaseHeldElsewhere.class);
            assertThat(job(request).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(held.isHeld(request.jobId())).as("still the other thread's").isTrue();
        }

        @Test
        void givenLeaseTakenBackWhileCopying_process_recordsNothingAndLetsTheJobGo() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            // While this worker copies, its lease expires and the sweeper takes the job back.
            MediaTypeDetector sweeperMeanwhile = (content, name) -> {
                Job running = job(request);
                Instant expired = running.lease().orElseThrow().expiresAt();
                ports.jobs.put(running.expireLease(expired.plusSeconds(1), expired));
                return MediaType.OCTET_STREAM;
            };

            Outcome outcome = serviceWith(sweeperMeanwhile).process(request);

            assertThat(outcome).isInstanceOfSatisfying(LeaseHeldElsewhere.class,
                    o -> assertThat(o.job().status()).isEqualTo(JobStatus.QUEUED));
            assertThat(job(request).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job(request).error()).map(FailureReason::code).contains(Job.LEASE_EXPIRED);
            assertThat(artifact(request).status()).isEqualTo(ArtifactStatus.PROCESSING);
            assertThat(ports.objects.contains(request.stagedContent())).as("kept for the next attempt").isTrue();
            assertThat(held.snapshot()).isEmpty();
        }

        @Test
        void givenUnknownJob_process_saysSoAndTouchesNothing() {
            GenerationRequest accepted = accept(aGenerateCommand().withContent(BYTES));
            GenerationRequest stranger = new GenerationRequest(JobId.of(TestIds.next()), accepted.artifactId(),
                    accepted.spaceId(), accepted.stagedContent(), accepted.expectedSha256(), accepted.requestedAt());
            int puts = ports.objects.putCount();

            assertThat(service.process(stranger)).isInstanceOf(UnknownJob.class);
            assertThat(ports.objects.putCount()).isEqualTo(puts);
            assertThat(job(accepted).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(artifact(accepted).status()).isEqualTo(ArtifactStatus.PENDING);
        }

        @Test
        void givenRequestNamingAnotherSpaceForAKnownJob_process_treatsItAsUnknownAndTouchesNothing() {
            GenerationRequest accepted = accept(aGenerateCommand().withContent(BYTES));
            SpaceId another = SpaceId.of(TestIds.next());
            GenerationRequest misdirected = new GenerationRequest(accepted.jobId(), accepted.artifactId(),
                    another, ObjectKey.contentOf(another, accepted.artifactId()), accepted.expectedSha256(),
                    accepted.requestedAt());
            int puts = ports.objects.putCount();

            assertThat(service.process(misdirected)).isInstanceOf(UnknownJob.class);
            assertThat(ports.objects.putCount()).isEqualTo(puts);
            assertThat(job(accepted).status()).isEqualTo(JobStatus.QUEUED);
        }
    }

    @Nested
    class FailingForGood {

        @Test
        void givenBytesThatDoNotMatchTheDeclaredDigest_process_failsJobAndArtifact() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES).withCorrectContentSha256());
            ports.objects.store(request.stagedContent(), "tampered".getBytes(StandardCharsets.US_ASCII),
                    MediaType.OCTET_STREAM);

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOfSatisfying(Finished.class,
                    f -> assertThat(f.job().status()).isEqualTo(JobStatus.FAILED));
            Job job = job(request);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).map(FailureReason::code).contains("content_sha256_mismatch");
            assertThat(job.finishedAt()).isPresent();
            Artifact artifact = artifact(request);
            assertThat(artifact.status()).isEqualTo(ArtifactStatus.FAILED);
            assertThat(artifact.failure()).map(FailureReason::code).contains("content_sha256_mismatch");
            assertThat(artifact.content()).isEmpty();
            assertThat(ports.objects.contains(finalKey(request))).as("the bad copy is removed").isFalse();
        }

        @Test
        void givenStagedContentMissing_process_failsJobAndArtifactAsStagedContentMissing() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            ports.objects.lose(request.stagedContent());

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOf(Finished.class);
            assertThat(job(request).status()).isEqualTo(JobStatus.FAILED);
            assertThat(job(request).error()).map(FailureReason::code).contains("staged_content_missing");
            assertThat(artifact(request).status()).isEqualTo(ArtifactStatus.FAILED);
            assertThat(artifact(request).failure()).map(FailureReason::code).contains("staged_content_missing");
            assertThat(ports.objects.contains(finalKey(request))).isFalse();
        }
    }

    @Nested
    class Retrying {

        @Test
        void givenObjectStoreUnavailable_process_schedulesARetry() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            ports.objects.makeUnavailable();
            Instant now = ports.clock.peek();

            Outcome outcome = service.process(request);

            Instant expectedRetryAt = now.plusMillis(500); // attempt 1: random 0.5 of min(cap, 1 s)
            assertThat(outcome).isInstanceOfSatisfying(RetryScheduled.class, r -> {
                assertThat(r.retryAt()).isEqualTo(expectedRetryAt);
                assertThat(r.job().status()).isEqualTo(JobStatus.QUEUED);
            });
            Job job = job(request);
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.attempt()).isEqualTo(1);
            assertThat(job.nextRetryAt()).contains(expectedRetryAt);
            assertThat(job.error()).map(FailureReason::code).contains("object_store_unavailable");
            assertThat(job.finishedAt()).isEmpty();
            assertThat(artifact(request).status()).as("still being worked on").isEqualTo(ArtifactStatus.PROCESSING);
        }

        @Test
        void givenStoreBackAfterARetry_process_succeedsOnTheSecondAttempt() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            ports.objects.makeUnavailable();
            service.process(request);
            ports.objects.makeAvailable();
            ports.clock.advance(Duration.ofSeconds(1));

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOf(Finished.class);
            Job job = job(request);
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.attempt()).isEqualTo(2);
            assertThat(job.nextRetryAt()).isEmpty();
            assertThat(job.error()).isEmpty();
            assertThat(artifact(request).status()).isEqualTo(ArtifactStatus.READY);
        }

        @Test
        void givenRetriesBackOffExponentially_process_waitsLongerEachAttempt() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES), 4);
            ports.objects.makeUnavailable();

            Instant t1 = ports.clock.peek();
            RetryScheduled first = (RetryScheduled) service.process(request);
            ports.clock.set(first.retryAt());
            Instant t2 = ports.clock.peek();
            RetryScheduled second = (RetryScheduled) service.process(request);
            ports.clock.set(second.retryAt());
            Instant t3 = ports.clock.peek();
            RetryScheduled third = (RetryScheduled) service.process(request);

            assertThat(Duration.between(t1, first.retryAt())).isEqualTo(Duration.ofMillis(500));
            assertThat(Duration.between(t2, second.retryAt())).isEqualTo(Duration.ofMillis(1000));
            assertThat(Duration.between(t3, third.retryAt())).isEqualTo(Duration.ofMillis(2000));
            assertThat(third.job().attempt()).isEqualTo(3);
        }

        @Test
        void givenAttemptsExhausted_process_failsJobAndArtifactForGood() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES), 2);
            ports.objects.makeUnavailable();
            ports.events.clear();

            Outcome first = service.process(request);
            ports.clock.set(((RetryScheduled) first).retryAt());
            Outcome second = service.process(request);

            assertThat(first).isInstanceOf(RetryScheduled.class);
            assertThat(second).isInstanceOfSatisfying(Finished.class,
                    f -> assertThat(f.job().status()).isEqualTo(JobStatus.FAILED));
            Job job = job(request);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.attempt()).isEqualTo(2);
            assertThat(job.nextRetryAt()).isEmpty();
            assertThat(job.error()).hasValueSatisfying(error -> {
                assertThat(error.code()).isEqualTo("attempts_exhausted");
                assertThat(error.message()).contains("2 attempts").contains("object_store_unavailable");
            });
            assertThat(artifact(request).status()).isEqualTo(ArtifactStatus.FAILED);
            assertThat(artifact(request).failure()).map(FailureReason::code).contains("attempts_exhausted");
            assertThat(ports.events.names()).containsExactly("job.running<-queued", "artifact.processing<-pending",
                    "job.queued<-running", "job.running<-queued", "job.failed<-running", "artifact.failed<-processing");
            ports.events.clear();
            assertThat(service.process(request)).isInstanceOf(AlreadyFinished.class);
            assertThat(ports.events.published()).as("a repeated delivery tells nothing new").isEmpty();
        }

        @Test
        void givenTransientFailure_process_neverWaitsAndLetsTheJobGo() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            ports.objects.makeUnavailable();
            Instant now = ports.clock.peek();

            service.process(request);

            assertThat(ports.clock.peek()).as("no time passed inside the call").isEqualTo(now);
            assertThat(job(request).lease()).isEmpty();
            assertThat(held.snapshot()).isEmpty();
        }

        @Test
        void givenJobWaitingForItsRetryTime_process_leavesItWaitingUntouched() {
            // a duplicate delivery before the sweeper's re-drive: backoff holds all the same
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            ports.objects.makeUnavailable();
            RetryScheduled scheduled = (RetryScheduled) service.process(request);
            ports.objects.makeAvailable();
            ports.clock.set(scheduled.retryAt().minusMillis(1));
            Job waiting = job(request);
            int puts = ports.objects.putCount();

            Outcome outcome = service.process(request);

            assertThat(outcome).isInstanceOfSatisfying(WaitingForRetry.class,
                    w -> assertThat(w.job().nextRetryAt()).contains(scheduled.retryAt()));
            assertThat(job(request)).usingRecursiveComparison().isEqualTo(waiting);
            assertThat(ports.objects.putCount()).isEqualTo(puts);
        }

        @Test
        void givenRetryTimeCome_process_runsTheNextAttempt() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            ports.objects.makeUnavailable();
            RetryScheduled scheduled = (RetryScheduled) service.process(request);
            ports.objects.makeAvailable();
            ports.clock.set(scheduled.retryAt());

            assertThat(service.process(request)).isInstanceOf(Finished.class);
            assertThat(job(request).attempt()).isEqualTo(2);
            assertThat(job(request).status()).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void givenUnexpectedError_process_throwsLeavesTheJobToItsLeaseAndLetsItGo() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES));
            MediaTypeDetector broken = (content, name) -> {
                throw new IllegalStateException("a bug");
            };

            assertThatThrownBy(() -> serviceWith(broken).process(request)).isInstanceOf(IllegalStateException.class);
            assertThat(job(request).status()).as("the sweeper takes it back once the lease expires")
                    .isEqualTo(JobStatus.RUNNING);
            assertThat(held.snapshot()).isEmpty();
        }

        @Test
        void givenASingleAttempt_process_failsAtTheFirstTransientFailure() {
            GenerationRequest request = accept(aGenerateCommand().withContent(BYTES), 1);
            ports.objects.makeUnavailable();

            assertThat(service.process(request)).isInstanceOf(Finished.class);
            assertThat(job(request).error()).map(FailureReason::code).contains("attempts_exhausted");
        }
    }
}
