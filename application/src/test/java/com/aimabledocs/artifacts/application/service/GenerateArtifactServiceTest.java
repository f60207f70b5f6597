package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.DEFAULT_CONTENT;
import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.aGenerateCommand;
import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.sha256Of;
import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.aimabledocs.artifacts.application.inmemory.InMemoryObjectStore.Operation;
import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.ContentDigestMismatchException;
import com.aimabledocs.artifacts.application.port.in.GenerationAccepted;
import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.ArtifactTestData;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyReusedException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.job.JobTestData;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GenerateArtifactServiceTest {

    private static final int MAX_ATTEMPTS = 3;

    private final InMemoryPorts ports = new InMemoryPorts();
    private final GenerateArtifactService service = new GenerateArtifactService(ports.artifacts, ports.jobs,
            ports.idempotency, ports.objects, ports.publisher, ports.unitOfWork, ports.clock, ports.ids, MAX_ATTEMPTS);

    private void assertNothingRecorded() {
        assertThat(ports.artifacts.count()).isZero();
        assertThat(ports.jobs.count()).isZero();
        assertThat(ports.idempotency.count()).isZero();
        assertThat(ports.publisher.published()).isEmpty();
    }

    @Nested
    class Accepting {

        @Test
        void givenValidRequest_generate_createsPendingArtifactAndQueuedJob() {
            Instant now = ports.clock.peek();

            GenerationAccepted accepted = service.generate(aGenerateCommand().named("notes.txt").ofType(DocumentType.TEXT)
                    .inThreads("t-1", "t-2").withMetadata(new ArtifactMetadata(Map.of("source", "chat"))).build());

            Artifact artifact = accepted.artifact();
            Job job = accepted.job();
            assertThat(accepted.replayed()).isFalse();
            assertThat(artifact.id().value()).isEqualTo(ports.ids.issued().get(0));
            assertThat(job.id().value()).isEqualTo(ports.ids.issued().get(1));
            assertThat(artifact.status()).isEqualTo(ArtifactStatus.PENDING);
            assertThat(artifact.spaceId()).isEqualTo(DEFAULT_SPACE);
            assertThat(artifact.name().value()).isEqualTo("notes.txt");
            assertThat(artifact.documentType()).isEqualTo(DocumentType.TEXT);
            assertThat(artifact.threadIds()).containsExactly(new ThreadId("t-1"), new ThreadId("t-2"));
            assertThat(artifact.metadata().entries()).containsEntry("source", "chat");
            assertThat(artifact.declaredMediaType()).isEmpty();
            assertThat(artifact.createdAt()).isEqualTo(now);
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.kind()).isEqualTo(JobKind.GENERATE);
            assertThat(job.attempt()).isZero();
            assertThat(job.maxAttempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(job.artifactId()).isEqualTo(artifact.id());
            assertThat(job.spaceId()).isEqualTo(DEFAULT_SPACE);

            assertThat(ports.artifacts.all()).singleElement().usingRecursiveComparison().isEqualTo(artifact);
            assertThat(ports.jobs.all()).singleElement().usingRecursiveComparison().isEqualTo(job);
        }

        @Test
        void givenValidRequest_generate_stagesTheExactBytesUnderTheStagingKey() {
            GenerationAccepted accepted = service.generate(aGenerateCommand().withContent(DEFAULT_CONTENT).build());

            ObjectKey staged = ObjectKey.stagingFor(DEFAULT_SPACE, accepted.artifact().id(), accepted.job().id());
            assertThat(ports.objects.keys()).containsExactly(staged);
            assertThat(ports.objects.bytesAt(staged)).isEqualTo(DEFAULT_CONTENT);
            assertThat(ports.objects.contentTypeAt(staged)).isEqualTo(MediaType.OCTET_STREAM);
        }

        @Test
        void givenValidRequest_generate_publishesExactlyOneRequestInsideTheTransaction() {
            Instant now = ports.clock.peek();
            Sha256 digest = sha256Of(DEFAULT_CONTENT);

            GenerationAccepted accepted = service.generate(aGenerateCommand().withContentSha256(digest).build());

            GenerationRequest request = ports.publisher.single();
            assertThat(request.jobId()).isEqualTo(accepted.job().id());
            assertThat(request.artifactId()).isEqualTo(accepted.artifact().id());
            assertThat(request.spaceId()).isEqualTo(DEFAULT_SPACE);
            assertThat(request.stagedContent())
                    .isEqualTo(ObjectKey.stagingFor(DEFAULT_SPACE, accepted.artifact().id(), accepted.job().id()));
            assertThat(request.expectedSha256()).contains(digest);
            assertThat(request.requestedAt()).isEqualTo(now);
            assertThat(ports.unitOfWork.rollbacks()).isZero();
        }

        @Test
        void givenDeclaredMediaType_generate_stagesWithItAndRemembersIt() {
            GenerationAccepted accepted = service.generate(aGenerateCommand().withMediaType("Application/PDF").build());

            assertThat(accepted.artifact().declaredMediaType()).contains(new MediaType("application/pdf"));
            assertThat(ports.objects.contentTypeAt(ports.publisher.single().stagedContent()))
                    .isEqualTo(new MediaType("application/pdf"));
        }

        @Test
        void givenEmptyContent_generate_acceptsIt() {
            GenerationAccepted accepted = service.generate(aGenerateCommand().withContent(new byte[0])
                    .withCorrectContentSha256().build());

            assertThat(accepted.artifact().status()).isEqualTo(ArtifactStatus.PENDING);
            assertThat(ports.objects.bytesAt(ports.publisher.single().stagedContent())).isEmpty();
        }

        @Test
        void givenRepeatedThreads_generate_keepsEachOnce() {
            GenerationAccepted accepted = service.generate(aGenerateCommand().inThreads("a", "b", "a").build());

            assertThat(accepted.artifact().threadIds()).extracting(ThreadId::value).containsExactly("a", "b");
        }
    }

    @Nested
    class Verifying {

        @Test
        void givenMatchingContentSha256_generate_acceptsTheContent() {
            GenerationAccepted accepted = service.generate(aGenerateCommand().withCorrectContentSha256().build());

            assertThat(accepted.artifact().status()).isEqualTo(ArtifactStatus.PENDING);
        }

        @Test
        void givenContentSha256Mismatch_generate_isRefusedAndLeavesNothingBehind() {
            Sha256 otherDigest = sha256Of("something else".getBytes());

            Throwable thrown = catchThrowable(() -> service.generate(aGenerateCommand().withContentSha256(otherDigest).build()));

            assertThat(thrown).isInstanceOfSatisfying(ContentDigestMismatchException.class,
                    e -> assertThat(e.code()).isEqualTo("content_sha256_mismatch"));
            assertThat(ports.objects.putCount()).as("the bytes were staged while hashed").isEqualTo(1);
            assertThat(ports.objects.keys()).as("and then removed").isEmpty();
            assertNothingRecorded();
        }

        @Test
        void givenContentShorterThanDeclared_generate_isRefusedAsDigestMismatch() {
            Throwable thrown = catchThrowable(() -> service.generate(aGenerateCommand().withContent("short")
                    .withDeclaredLength(100).build()));

            assertThat(thrown).isInstanceOf(ContentDigestMismatchException.class);
            assertThat(ports.objects.keys()).isEmpty();
            assertNothingRecorded();
        }

        @Test
        void givenMoreThan32Threads_generate_isRefusedAndRemovesTheStagedObject() {
            var threads = IntStream.rangeClosed(1, 33).mapToObj(i -> new ThreadId("t-" + i)).toList();

            assertThatThrownBy(() -> service.generate(aGenerateCommand().inThreads(threads).build()))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_thread_ids"));
            assertThat(ports.objects.keys()).isEmpty();
            assertNothingRecorded();
        }
    }

    @Nested
    class Authorizing {

        @Test
        void givenReadOnlyPrincipal_generate_isForbiddenAndStagesNothing() {
            Principal readOnly = aPrincipal().readOnly().build();

            assertThatThrownBy(() -> service.generate(aGenerateCommand().by(readOnly).build()))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
            assertThat(ports.objects.putCount()).isZero();
            assertNothingRecorded();
        }

        @Test
        void givenAnotherSpace_generate_isNotFoundAndStagesNothing() {
            SpaceId otherSpace = SpaceId.of(TestIds.next());

            assertThatThrownBy(() -> service.generate(aGenerateCommand().inSpace(otherSpace).build()))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
            assertThat(ports.objects.putCount()).isZero();
            assertNothingRecorded();
        }
    }

    @Nested
    class Idempotency {

        private final Principal caller = aPrincipal().build();

        @Test
        void givenSameKeyAndFingerprint_generate_replaysTheFirstAcceptance() {
            GenerationAccepted first = service.generate(aGenerateCommand().by(caller).withIdempotency("key-1", "fp-1").build());
            simulateWorkerFinishing(first);
            ports.clock.advance(Duration.ofMinutes(10));

            GenerationAccepted replay = service.generate(aGenerateCommand().by(caller).withIdempotency("key-1", "fp-1").build());

            assertThat(replay.replayed()).isTrue();
            assertThat(replay.artifact().id()).isEqualTo(first.artifact().id());
            assertThat(replay.job().id()).isEqualTo(first.job().id());
            assertThat(replay.artifact()).as("shown as accepted, whatever happened since")
                    .usingRecursiveComparison().isEqualTo(first.artifact());
            assertThat(replay.job()).usingRecursiveComparison().isEqualTo(first.job());
            assertThat(ports.artifacts.count()).isEqualTo(1);
            assertThat(ports.jobs.count()).isEqualTo(1);
            assertThat(ports.publisher.published()).hasSize(1);
            assertThat(ports.objects.putCount()).as("nothing staged again").isEqualTo(1);
            assertThat(ports.ids.issued()).as("no new IDs").hasSize(2);
        }

        @Test
        void givenSameKeyOtherFingerprint_generate_isRefusedAsKeyReused() {
            service.generate(aGenerateCommand().by(caller).withIdempotency("key-1", "fp-1").build());

            assertThatThrownBy(() -> service.generate(aGenerateCommand().by(caller).withContent("other")
                    .withIdempotency("key-1", "fp-2").build()))
                    .isInstanceOfSatisfying(IdempotencyKeyReusedException.class,
                            e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
            assertThat(ports.artifacts.count()).isEqualTo(1);
            assertThat(ports.publisher.published()).hasSize(1);
            assertThat(ports.objects.putCount()).isEqualTo(1);
        }

        @Test
        void givenSameKeyTextFromAnotherApiKey_generate_createsASecondArtifact() {
            Principal otherCaller = aPrincipal().build();
            GenerationAccepted first = service.generate(aGenerateCommand().by(caller).withIdempotency("key-1", "fp-1").build());

            GenerationAccepted second = service.generate(aGenerateCommand().by(otherCaller)
                    .withIdempotency("key-1", "fp-1").build());

            assertThat(second.replayed()).isFalse();
            assertThat(second.artifact().id()).isNotEqualTo(first.artifact().id());
            assertThat(ports.artifacts.count()).isEqualTo(2);
            assertThat(ports.idempotency.count()).isEqualTo(2);
        }

        @Test
        void givenKey_generate_recordsWhatItCreatedUnderTheScopedKey() {
            GenerationAccepted accepted = service.generate(aGenerateCommand().by(caller).withIdempotency("key-1", "fp-1").build());

            assertThat(ports.idempotency.all()).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo(new IdempotencyKey(caller.keyId(), DEFAULT_SPACE,
                        GenerateArtifactService.ROUTE, "key-1"));
                assertThat(record.requestFingerprint()).isEqualTo("fp-1");
                assertThat(record.artifactId()).isEqualTo(accepted.artifact().id());
                assertThat(record.jobId()).isEqualTo(accepted.job().id());
            });
        }

        @Test
        void givenMalformedKey_generate_isRefusedBeforeStaging() {
            assertThatThrownBy(() -> service.generate(aGenerateCommand().withIdempotency("bad\u0001key", "fp").build()))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
            assertThat(ports.objects.putCount()).isZero();
        }

        @Test
        void givenConcurrentRequestWinsTheKey_generate_replaysTheWinnerAndRemovesItsOwnStagedObject() {
            Artifact winnerArtifact = ArtifactTestData.anArtifact().build();
            Job winnerJob = JobTestData.aJob().forArtifact(winnerArtifact).build();
            ports.artifacts.add(winnerArtifact);
            ports.jobs.add(winnerJob);
            IdempotencyKey key = new IdempotencyKey(caller.keyId(), DEFAULT_SPACE, GenerateArtifactService.ROUTE, "key-1");
            ports.idempotency.commitConcurrentlyBeforeNextAdd(
                    new IdempotencyRecord(key, "fp-1", winnerArtifact.id(), winnerJob.id(), ports.clock.peek()));

            GenerationAccepted accepted = service.generate(aGenerateCommand().by(caller).withIdempotency("key-1", "fp-1").build());

            assertThat(accepted.replayed()).isTrue();
            assertThat(accepted.artifact().id()).isEqualTo(winnerArtifact.id());
            assertThat(accepted.job().id()).isEqualTo(winnerJob.id());
            assertThat(ports.objects.keys()).as("the loser's staged bytes are removed").isEmpty();
            assertThat(ports.artifacts.all()).as("the loser's rows were rolled back").containsExactly(winnerArtifact);
            assertThat(ports.jobs.all()).containsExactly(winnerJob);
            assertThat(ports.publisher.published()).isEmpty();
        }

        @Test
        void givenConcurrentRequestWinsTheKeyWithOtherBody_generate_isRefusedAsKeyReused() {
            IdempotencyKey key = new IdempotencyKey(caller.keyId(), DEFAULT_SPACE, GenerateArtifactService.ROUTE, "key-1");
            ports.idempotency.commitConcurrentlyBeforeNextAdd(new IdempotencyRecord(key, "fp-other",
                    ArtifactId.of(TestIds.next()), JobId.of(TestIds.next()), ports.clock.peek()));

            assertThatThrownBy(() -> service.generate(aGenerateCommand().by(caller).withIdempotency("key-1", "fp-1").build()))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
            assertThat(ports.objects.keys()).isEmpty();
            assertThat(ports.artifacts.count()).isZero();
        }

        private void simulateWorkerFinishing(GenerationAccepted accepted) {
            Instant later = ports.clock.peek().plusSeconds(30);
            Artifact stored = ports.artifacts.get(accepted.artifact().id());
            ports.artifacts.update(stored.startProcessing(later));
            ports.artifacts.update(ports.artifacts.get(stored.id()).markReady(new StoredContent(DEFAULT_CONTENT.length,
                    sha256Of(DEFAULT_CONTENT), MediaType.parse("text/plain")), later));
            Job job = ports.jobs.get(accepted.job().id());
            ports.jobs.update(job.start(later));
            ports.jobs.update(ports.jobs.get(job.id()).succeed(later));
        }
    }

    @Nested
    class FailingMidway {

        @Test
        void givenFailureInsideTheTransaction_generate_removesTheStagedObjectAndRecordsNothing() {
            UnavailableException outboxDown = new UnavailableException("database", new IOException("connection reset"));
            ports.publisher.failNextWith(outboxDown);

            Throwable thrown = catchThrowable(() -> service.generate(aGenerateCommand().withIdempotency("k", "fp").build()));

            assertThat(thrown).isSameAs(outboxDown);
            assertThat(ports.objects.putCount()).isEqualTo(1);
            assertThat(ports.objects.keys()).isEmpty();
            assertThat(ports.unitOfWork.rollbacks()).isEqualTo(1);
            assertNothingRecorded();
        }

        @Test
        void givenCleanupFailsToo_generate_throwsTheOriginalErrorWithTheCleanupFailureSuppressed() {
            IllegalStateException original = new IllegalStateException("boom");
            ports.publisher.failNextWith(original);
            ports.objects.makeUnavailableFor(Operation.DELETE);

            Throwable thrown = catchThrowable(() -> service.generate(aGenerateCommand().build()));

            assertThat(thrown).isSameAs(original);
            assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(UnavailableException.class);
        }

        @Test
        void givenObjectStoreUnavailable_generate_failsAsUnavailableAndRecordsNothing() {
            ports.objects.makeUnavailable();

            assertThatThrownBy(() -> service.generate(aGenerateCommand().build()))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.code()).isEqualTo("object_store_unavailable"));
            assertNothingRecorded();
            assertThat(ports.unitOfWork.transactions()).isZero();
        }
    }
}
