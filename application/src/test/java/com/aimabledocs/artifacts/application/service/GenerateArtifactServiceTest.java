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
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommand;
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
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyEntry;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyInUseException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyReusedException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GenerateArtifactServiceTest {

    private static final int MAX_ATTEMPTS = 3;

    private final InMemoryPorts ports = new InMemoryPorts();
    private final GenerateArtifactService service = ports.generateArtifactService(MAX_ATTEMPTS);

    private void assertNothingRecorded() {
        assertThat(ports.artifacts.count()).isZero();
        assertThat(ports.jobs.count()).isZero();
        assertThat(ports.idempotency.count()).isZero();
        assertThat(ports.publisher.published()).isEmpty();
        assertThat(ports.events.published()).isEmpty();
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
            assertThat(ports.events.names()).containsExactly("artifact.pending", "job.queued");
        }

        @Test
        void givenValidRequest_generate_stagesTheExactBytesUnderTheArtifactsKey() {
            GenerationAccepted accepted = service.generate(aGenerateCommand().withContent(DEFAULT_CONTENT).build());

            ObjectKey staged = ObjectKey.contentOf(DEFAULT_SPACE, accepted.artifact().id());
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
                    .isEqualTo(ObjectKey.contentOf(DEFAULT_SPACE, accepted.artifact().id()));
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
        private final IdempotencyKey key =
                new IdempotencyKey(caller.keyId(), DEFAULT_SPACE, GenerateArtifactService.ROUTE, "key-1");

        /** The default request, with the key. */
        private GenerationAccepted generateWithKey() {
            return service.generate(aGenerateCommand().by(caller).withIdempotency("key-1").build());
        }

        /** The fingerprint of the default request. */
        private String defaultFingerprint() {
            GenerateArtifactCommand command = aGenerateCommand().by(caller).withIdempotency("key-1").build();
            return GenerateRequestFingerprint.of(command, command.idempotency().orElseThrow().contentSha256());
        }

        /** Another request reserved the key a minute ago and is still working. */
        private IdempotencyReservation heldByAnotherRequest(String fingerprint) {
            IdempotencyReservation held = IdempotencyReservation.reserve(key, fingerprint, TestIds.next(),
                    ports.clock.peek().minus(Duration.ofMinutes(1)), InMemoryPorts.RESERVATION_LIFETIME);
            ports.idempotency.commitElsewhere(held);
            return held;
        }

        @Test
        void givenSameKeyAndFingerprint_generate_replaysTheFirstAcceptance() {
            GenerationAccepted first = generateWithKey();
            simulateWorkerFinishing(first);
            ports.clock.advance(Duration.ofMinutes(10));

            GenerationAccepted replay = generateWithKey();

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
            assertThat(ports.idempotency.records()).singleElement()
                    .satisfies(record -> assertThat(record.artifactId()).isEqualTo(first.artifact().id()));
        }

        @Test
        void givenSameKeyOtherFingerprint_generate_isRefusedAsKeyReused() {
            generateWithKey();

            assertThatThrownBy(() -> service.generate(aGenerateCommand().by(caller).withContent("other")
                    .withIdempotency("key-1").build()))
                    .isInstanceOfSatisfying(IdempotencyKeyReusedException.class,
                            e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
            assertThat(ports.artifacts.count()).isEqualTo(1);
            assertThat(ports.publisher.published()).hasSize(1);
            assertThat(ports.objects.putCount()).isEqualTo(1);
        }

        @Test
        void givenSameKeyTextFromAnotherApiKey_generate_createsASecondArtifact() {
            Principal otherCaller = aPrincipal().build();
            GenerationAccepted first = generateWithKey();

            GenerationAccepted second = service.generate(aGenerateCommand().by(otherCaller)
                    .withIdempotency("key-1").build());

            assertThat(second.replayed()).isFalse();
            assertThat(second.artifact().id()).isNotEqualTo(first.artifact().id());
            assertThat(ports.artifacts.count()).isEqualTo(2);
            assertThat(ports.idempotency.records()).hasSize(2);
        }

        @Test
        void givenKey_generate_recordsWhatItCreatedUnderTheScopedKey() {
            Instant now = ports.clock.peek();

            GenerationAccepted accepted = generateWithKey();

            assertThat(ports.idempotency.reservations()).as("the reservation became the record").isEmpty();
            assertThat(ports.idempotency.records()).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo(key);
                assertThat(record.requestFingerprint()).isEqualTo(defaultFingerprint());
                assertThat(record.artifactId()).isEqualTo(accepted.artifact().id());
                assertThat(record.jobId()).isEqualTo(accepted.job().id());
                assertThat(record.createdAt()).isEqualTo(now);
            });
        }

        @Test
        void givenKey_generate_holdsTheKeyInFlightForTheReservationLifetimeWhileStaging() {
            Instant now = ports.clock.peek();
            Duration lifetime = Duration.ofMinutes(7);
            GenerateArtifactService patient = ports.generateArtifactService(MAX_ATTEMPTS, lifetime);
            List<IdempotencyEntry> seenWhileCompleting = new ArrayList<>();
            ports.idempotency.beforeNextComplete(() -> seenWhileCompleting.add(ports.idempotency.entry(key).orElseThrow()));

            patient.generate(aGenerateCommand().by(caller).withIdempotency("key-1").build());

            assertThat(seenWhileCompleting).singleElement().isInstanceOfSatisfying(IdempotencyReservation.class, r -> {
                assertThat(r.requestFingerprint()).isEqualTo(defaultFingerprint());
                assertThat(r.reservedAt()).isEqualTo(now);
                assertThat(r.reservedUntil()).isEqualTo(now.plus(lifetime));
            });
            assertThat(ports.unitOfWork.transactions()).as("reserve, then create").isEqualTo(2);
        }

        @Test
        void givenMalformedKey_generate_isRefusedBeforeStaging() {
            assertThatThrownBy(() -> service.generate(aGenerateCommand().withIdempotency("bad\u0001key").build()))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
            assertThat(ports.objects.putCount()).isZero();
            assertThat(ports.idempotency.count()).isZero();
        }

        @Test
        void givenKeyInFlight_generate_isRefusedAsKeyInUseWithoutStaging() {
            IdempotencyReservation held = heldByAnotherRequest(defaultFingerprint());

            assertThatThrownBy(() -> generateWithKey())
                    .isInstanceOfSatisfying(IdempotencyKeyInUseException.class, e -> {
                        assertThat(e.code()).isEqualTo("idempotency_key_in_use");
                        assertThat(e.retryAfterSeconds()).isBetween(1, 2);
                    });
            assertThat(ports.objects.putCount()).isZero();
            assertThat(ports.idempotency.entry(key)).as("the holder keeps its reservation").contains(held);
            assertThat(ports.artifacts.count()).isZero();
        }

        @Test
        void givenKeyInFlightWithAnotherBody_generate_isRefusedAsKeyInUse() {
            heldByAnotherRequest("fp-other");

            assertThatThrownBy(() -> generateWithKey()).isInstanceOf(IdempotencyKeyInUseException.class);
            assertThat(ports.objects.putCount()).isZero();
        }

        @Test
        void givenExpiredReservationOfACrashedRequest_generate_takesTheKeyOverAndCreates() {
            IdempotencyReservation crashed = IdempotencyReservation.reserve(key, "fp-crashed", TestIds.next(),
                    ports.clock.peek().minus(Duration.ofMinutes(6)), Duration.ofMinutes(5));
            ports.idempotency.commitElsewhere(crashed);

            GenerationAccepted accepted = generateWithKey();

            assertThat(accepted.replayed()).isFalse();
            assertThat(ports.artifacts.count()).isEqualTo(1);
            assertThat(ports.idempotency.entry(key)).get().isInstanceOfSatisfying(IdempotencyRecord.class, record -> {
                assertThat(record.requestFingerprint()).isEqualTo(defaultFingerprint());
                assertThat(record.artifactId()).isEqualTo(accepted.artifact().id());
            });
        }

        @Test
        void givenStagingFails_generate_releasesTheKeySoARetryWithItSucceeds() {
            ports.objects.makeUnavailableFor(Operation.PUT);

            assertThatThrownBy(() -> generateWithKey()).isInstanceOf(UnavailableException.class);
            assertThat(ports.idempotency.count()).as("the reservation was released").isZero();

            ports.objects.makeAvailable();
            GenerationAccepted retried = generateWithKey();

            assertThat(retried.replayed()).isFalse();
            assertThat(ports.artifacts.count()).isEqualTo(1);
            assertThat(ports.idempotency.records()).singleElement()
                    .satisfies(record -> assertThat(record.artifactId()).isEqualTo(retried.artifact().id()));
        }

        @Test
        void givenContentDigestMismatch_generate_releasesTheKeySoACorrectedRequestMayUseIt() {
            assertThatThrownBy(() -> service.generate(aGenerateCommand().by(caller)
                    .withContentSha256(sha256Of("something else".getBytes())).withIdempotency("key-1").build()))
                    .isInstanceOf(ContentDigestMismatchException.class);
            assertThat(ports.idempotency.count()).isZero();

            GenerationAccepted corrected = service.generate(aGenerateCommand().by(caller).withCorrectContentSha256()
                    .withIdempotency("key-1").build());

            assertThat(corrected.replayed()).isFalse();
            assertThat(ports.idempotency.records()).singleElement()
                    .satisfies(record -> assertThat(record.requestFingerprint()).isEqualTo(defaultFingerprint()));
        }

        @Test
        void givenFailureInTheCreatingTransaction_generate_releasesTheKeyAndRemovesTheStagedBytes() {
            ports.publisher.failNextWith(new UnavailableException("database", new IOException("connection reset")));

            assertThatThrownBy(() -> generateWithKey()).isInstanceOf(UnavailableException.class);

            assertThat(ports.idempotency.count()).isZero();
            assertThat(ports.objects.keys()).isEmpty();
            assertThat(generateWithKey().replayed()).as("the retry creates").isFalse();
        }

        @Test
        void givenReleaseFailsToo_generate_throwsTheOriginalErrorAndTheKeyWaitsForItsDeadline() {
            IllegalStateException original = new IllegalStateException("boom");
            ports.publisher.failNextWith(original);
            UnavailableException databaseGone = new UnavailableException("database", new IOException("gone"));
            ports.idempotency.failNextReleaseWith(databaseGone);

            Throwable thrown = catchThrowable(() -> generateWithKey());

            assertThat(thrown).isSameAs(original);
            assertThat(thrown.getSuppressed()).contains(databaseGone);
            assertThat(ports.idempotency.reservations()).as("left to expire").hasSize(1);
            assertThatThrownBy(() -> generateWithKey()).isInstanceOf(IdempotencyKeyInUseException.class);

            ports.clock.advance(InMemoryPorts.RESERVATION_LIFETIME.plusSeconds(1));
            assertThat(generateWithKey().replayed()).as("taken over after the deadline").isFalse();
        }

        @Test
        void givenReservationTakenOverWhileStaging_generate_isRefusedAsKeyInUseAndCreatesNothing() {
            IdempotencyReservation taker = IdempotencyReservation.reserve(key, "fp-taker", TestIds.next(),
                    ports.clock.peek(), Duration.ofMinutes(5));
            ports.idempotency.beforeNextComplete(() -> ports.idempotency.commitElsewhere(taker));

            assertThatThrownBy(() -> generateWithKey())
                    .isInstanceOfSatisfying(IdempotencyKeyInUseException.class,
                            e -> assertThat(e.code()).isEqualTo("idempotency_key_in_use"));
            assertThat(ports.artifacts.count()).isZero();
            assertThat(ports.jobs.count()).isZero();
            assertThat(ports.publisher.published()).isEmpty();
            assertThat(ports.objects.keys()).as("the late request's staged bytes are removed").isEmpty();
            assertThat(ports.idempotency.entry(key)).as("the taker keeps the key").contains(taker);
        }

        @Test
        void givenKeyCompletedByAConcurrentRequest_generate_replaysIt() {
            Artifact winnerArtifact = ArtifactTestData.anArtifact().build();
            Job winnerJob = JobTestData.aJob().forArtifact(winnerArtifact).build();
            ports.artifacts.add(winnerArtifact);
            ports.jobs.add(winnerJob);
            ports.idempotency.commitElsewhere(
                    new IdempotencyRecord(key, defaultFingerprint(), winnerArtifact.id(), winnerJob.id(), ports.clock.peek()));

            GenerationAccepted accepted = generateWithKey();

            assertThat(accepted.replayed()).isTrue();
            assertThat(accepted.artifact().id()).isEqualTo(winnerArtifact.id());
            assertThat(accepted.job().id()).isEqualTo(winnerJob.id());
            assertThat(ports.objects.putCount()).as("nothing staged").isZero();
            assertThat(ports.publisher.published()).isEmpty();
        }

        @Test
        void givenKeyCompletedByAConcurrentRequestWithOtherBody_generate_isRefusedAsKeyReused() {
            ports.idempotency.commitElsewhere(new IdempotencyRecord(key, "fp-other",
                    ArtifactId.of(TestIds.next()), JobId.of(TestIds.next()), ports.clock.peek()));

            assertThatThrownBy(() -> generateWithKey()).isInstanceOf(IdempotencyKeyReusedException.class);
            assertThat(ports.objects.putCount()).isZero();
            assertThat(ports.artifacts.count()).isZero();
        }

        @Test
        void givenNonPositiveReservationLifetime_service_isRefused() {
            assertThatThrownBy(() -> ports.generateArtifactService(MAX_ATTEMPTS, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private void simulateWorkerFinishing(GenerationAccepted accepted) {
            Instant later = ports.clock.peek().plusSeconds(30);
            Artifact stored = ports.artifacts.get(accepted.artifact().id());
            ports.artifacts.update(stored.startProcessing(later));
            ports.artifacts.update(ports.artifacts.get(stored.id()).markReady(new StoredContent(DEFAULT_CONTENT.length,
                    sha256Of(DEFAULT_CONTENT), MediaType.parse("text/plain")), later));
            Job job = ports.jobs.get(accepted.job().id());
            ports.jobs.update(job.start(later, "worker-test", later.plusSeconds(30)));
            ports.jobs.update(ports.jobs.get(job.id()).succeed(later));
        }
    }

    @Nested
    class FailingMidway {

        @Test
        void givenFailureInsideTheTransaction_generate_removesTheStagedObjectAndRecordsNothing() {
            UnavailableException outboxDown = new UnavailableException("database", new IOException("connection reset"));
            ports.publisher.failNextWith(outboxDown);

            Throwable thrown = catchThrowable(() -> service.generate(aGenerateCommand().withIdempotency("k").build()));

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
