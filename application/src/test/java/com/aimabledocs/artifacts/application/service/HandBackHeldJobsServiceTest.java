package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.aGenerateCommand;
import static com.aimabledocs.artifacts.domain.job.JobTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.HandBackJobsUseCase.HandBack;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Finished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.LeaseHeldElsewhere;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Outcome;
import com.aimabledocs.artifacts.application.port.in.RenewJobLeasesUseCase.Renewal;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandBackHeldJobsServiceTest {

    private static final String WORKER = "worker-a";
    private static final String OTHER_WORKER = "worker-b";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Sha256 DIGEST = new Sha256("50edc755f4a3a4c7d3a0e0a36a8d7a2f3b5b4b2f6f6d3e1c0b9a8f7e6d5c4b3a");
    private static final byte[] BYTES = "handed back, finished elsewhere".getBytes(StandardCharsets.US_ASCII);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final HeldJobs held = new HeldJobs();
    private final LeaseTerms terms = new LeaseTerms(WORKER, LEASE);
    private final HandBackHeldJobsService handBack = new HandBackHeldJobsService(ports.jobs, ports.publisher,
            ports.events, ports.unitOfWork, ports.clock, terms, held);
    private final Instant now = ports.clock.peek();

    /** A job this worker runs under its lease, held and leased as ProcessGenerationRequestService leaves it. */
    private Job runningHere(int attempt) {
        Job job = aJob().runningUnderLease(WORKER, now.plusSeconds(20)).withAttempt(attempt)
                .withExpectedSha256(DIGEST).withVersion(4).build();
        ports.jobs.put(job);
        held.tryHold(job.id());
        held.leased(job.id());
        return job;
    }

    @Test
    void givenJobsThisWorkerRuns_handBack_queuesEachAtOncePublishesItsEventAndSendsItsRequestAgain() {
        Job first = runningHere(1);
        Job second = runningHere(3);

        HandBack result = handBack.handBackHeldJobs();

        assertThat(result.handedBack()).extracting(Job::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(result.notHeld()).isEmpty();
        assertThat(result.failed()).isEmpty();
        for (Job before : List.of(first, second)) {
            Job stored = ports.jobs.get(before.id());
            assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(stored.lease()).as("released now, not at its expiry").isEmpty();
            assertThat(stored.nextRetryAt()).isEmpty();
            assertThat(stored.attempt()).as("the unfinished attempt is not counted").isEqualTo(before.attempt() - 1);
            assertThat(stored.updatedAt()).isEqualTo(now);
        }
        assertThat(ports.events.names()).containsExactly("job.queued<-running", "job.queued<-running");
        assertThat(ports.publisher.published()).containsExactlyInAnyOrder(
                new GenerationRequest(first.id(), first.artifactId(), first.spaceId(),
                        ObjectKey.contentOf(first.spaceId(), first.artifactId()), Optional.of(DIGEST), now),
                new GenerationRequest(second.id(), second.artifactId(), second.spaceId(),
                        ObjectKey.contentOf(second.spaceId(), second.artifactId()), Optional.of(DIGEST), now));
        assertThat(ports.unitOfWork.transactions()).as("one transaction per job").isEqualTo(2);
        assertThat(held.snapshot()).as("still held by the threads processing them").hasSize(2);
        assertThat(held.leasedJobs()).as("no longer renewed").isEmpty();
    }

    @Test
    void givenHeldJobsNotRunningUnderThisWorkersLease_handBack_leavesThemAsTheyAre() {
        Job finished = aJob().withStatus(JobStatus.SUCCEEDED).build();
        Job takenBackByAnother = aJob().runningUnderLease(OTHER_WORKER, now.plusSeconds(20)).build();
        Job notClaimedYet = aJob().build();
        for (Job job : List.of(finished, takenBackByAnother, notClaimedYet)) {
            ports.jobs.put(job);
            held.tryHold(job.id());
        }

        HandBack result = handBack.handBackHeldJobs();

        assertThat(result.handedBack()).isEmpty();
        assertThat(result.notHeld()).containsExactlyInAnyOrder(finished.id(), takenBackByAnother.id(), notClaimedYet.id());
        for (Job job : List.of(finished, takenBackByAnother, notClaimedYet)) {
            assertThat(ports.jobs.get(job.id())).usingRecursiveComparison().isEqualTo(job);
        }
        assertThat(ports.events.published()).isEmpty();
        assertThat(ports.publisher.published()).isEmpty();
    }

    @Test
    void givenPublishingFails_handBack_changesNothingForThatJobAndStillHandsBackTheOthers() {
        Job unlucky = runningHere(1);
        Job other = runningHere(1);
        ports.publisher.failNextWith(new IllegalStateException("outbox unavailable"));

        HandBack result = handBack.handBackHeldJobs();

        // snapshot order is not defined: whichever came first failed
        assertThat(result.failed()).hasSize(1);
        assertThat(result.handedBack()).hasSize(1);
        Job failed = result.failed().get(0).equals(unlucky.id()) ? unlucky : other;
        assertThat(ports.jobs.get(failed.id())).usingRecursiveComparison().as("rolled back: keeps its lease")
                .isEqualTo(failed);
        assertThat(held.leasedJobs()).as("its lease is still renewed until it expires or finishes")
                .containsExactly(failed.id());
        assertThat(ports.publisher.published()).hasSize(1);
        assertThat(ports.events.names()).containsExactly("job.queued<-running");
    }

    @Test
    void givenNothingHeld_handBack_touchesNothing() {
        ports.jobs.put(aJob().runningUnderLease(WORKER, now.plusSeconds(20)).build());

        assertThat(handBack.handBackHeldJobs().isEmpty()).isTrue();
        assertThat(ports.unitOfWork.transactions()).isZero();
    }

    /**
     * The stopping worker's processing of a job handed back under it records nothing (its lease is gone) and is
     * not reported as a lost lease; the other worker receives the request sent again and finishes the job, as
     * the same attempt.
     */
    @Test
    void givenJobHandedBackWhileBeingProcessed_theStoppingWorkerRecordsNothing_andAnotherFinishesIt() {
        ports.generateArtifactService(1).generate(aGenerateCommand().withContent(BYTES).build());
        GenerationRequest original = ports.publisher.single();
        ports.clock.advance(Duration.ofSeconds(5));
        RenewJobLeasesService renewer = new RenewJobLeasesService(ports.jobs, ports.unitOfWork, ports.clock, terms, held);
        List<HandBack> handBacks = new ArrayList<>();
        List<Renewal> renewals = new ArrayList<>();
        MediaTypeDetector stopsWhileReading = (content, name) -> {
            handBacks.add(handBack.handBackHeldJobs());
            renewals.add(renewer.renewHeldLeases());
            return MediaType.OCTET_STREAM;
        };
        ports.events.clear();

        Outcome stopping = processor(WORKER, stopsWhileReading).process(original);

        assertThat(handBacks.get(0).handedBack()).extracting(Job::id).containsExactly(original.jobId());
        assertThat(stopping).as("the stale write is refused: the lease is gone")
                .isInstanceOfSatisfying(LeaseHeldElsewhere.class,
                        o -> assertThat(o.job().status()).isEqualTo(JobStatus.QUEUED));
        assertThat(renewals.get(0).lost()).as("handed back, not lost").isEmpty();
        Job queued = ports.jobs.get(original.jobId());
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queued.attempt()).isZero();
        assertThat(ports.artifacts.get(original.artifactId()).status()).isEqualTo(ArtifactStatus.PROCESSING);
        assertThat(ports.objects.contains(original.stagedContent())).as("kept for the other worker").isTrue();
        assertThat(held.snapshot()).isEmpty();
        assertThat(ports.publisher.published()).as("the original request, then the one sent again").hasSize(2);
        GenerationRequest again = ports.publisher.published().get(1);
        assertThat(again.jobId()).isEqualTo(original.jobId());

        ports.clock.advance(Duration.ofMillis(200));
        Outcome elsewhere = processor(OTHER_WORKER, ports.detector).process(again);

        assertThat(elsewhere).isInstanceOfSatisfying(Finished.class, f -> {
            assertThat(f.job().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(f.job().attempt()).as("its only attempt, though max_attempts is 1").isEqualTo(1);
        });
        assertThat(ports.artifacts.get(original.artifactId()).status()).isEqualTo(ArtifactStatus.READY);
        assertThat(ports.events.names()).containsExactly("job.running<-queued", "artifact.processing<-pending",
                "job.queued<-running", "job.running<-queued", "job.succeeded<-running", "artifact.ready<-processing");
    }

    private ProcessGenerationRequestService processor(String worker, MediaTypeDetector detector) {
        return new ProcessGenerationRequestService(ports.artifacts, ports.spaces, ports.jobs, ports.objects, detector,
                ports.events, ports.unitOfWork, ports.clock, new RetryPolicy(Duration.ofSeconds(1),
                Duration.ofMinutes(1), () -> 0.5), new LeaseTerms(worker, LEASE),
                worker.equals(WORKER) ? held : new HeldJobs());
    }
}
