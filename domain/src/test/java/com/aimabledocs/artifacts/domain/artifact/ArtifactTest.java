package com.aimabledocs.artifacts.domain.artifact;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.FAILED;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.PENDING;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.PROCESSING;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.READY;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CONTENT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.anArtifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.aimabledocs.artifacts.domain.shared.DomainException;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.IllegalTransitionException;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

class ArtifactTest {

    private static final Instant LATER = DEFAULT_CREATED_AT.plus(Duration.ofMinutes(5));
    private static final StoredContent PDF = new StoredContent(1234,
            new Sha256("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), new MediaType("application/pdf"));
    private static final FailureReason BROKEN = new FailureReason("content_sha256_mismatch", "content does not match");

    private static void assertInvariants(Artifact artifact) {
        assertThat(artifact.content().isPresent()).as("content iff ready").isEqualTo(artifact.status() == READY);
        assertThat(artifact.failure().isPresent()).as("failure iff failed").isEqualTo(artifact.status() == FAILED);
        assertThat(artifact.updatedAt()).isAfterOrEqualTo(artifact.createdAt());
    }

    private static void assertSameIdentityAndData(Artifact after, Artifact before) {
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.spaceId()).isEqualTo(before.spaceId());
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.documentType()).isEqualTo(before.documentType());
        assertThat(after.threadIds()).isEqualTo(before.threadIds());
        assertThat(after.declaredMediaType()).isEqualTo(before.declaredMediaType());
        assertThat(after.metadata()).isEqualTo(before.metadata());
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.version()).as("transitions keep the version; the repository bumps it").isEqualTo(before.version());
    }

    private static void assertIllegalTransition(Throwable thrown, ArtifactStatus from, ArtifactStatus to) {
        assertThat(thrown).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.code()).isEqualTo("illegal_transition");
            assertThat(e.getMessage()).contains(from.wireName()).contains(to.wireName());
        });
    }

    @Nested
    class Request {

        @Test
        void request_createsPendingArtifactWithoutContentOrFailure() {
            ArtifactId id = ArtifactId.of(TestIds.next());

            Artifact artifact = Artifact.request(id, DEFAULT_SPACE, new ArtifactName("a.txt"), DocumentType.TEXT,
                    List.of(new ThreadId("t-1")), MediaType.parse("text/plain"), null, DEFAULT_CREATED_AT);

            assertThat(artifact.id()).isEqualTo(id);
            assertThat(artifact.status()).isEqualTo(PENDING);
            assertThat(artifact.content()).isEmpty();
            assertThat(artifact.failure()).isEmpty();
            assertThat(artifact.declaredMediaType()).contains(new MediaType("text/plain"));
            assertThat(artifact.metadata()).isEqualTo(ArtifactMetadata.EMPTY);
            assertThat(artifact.createdAt()).isEqualTo(DEFAULT_CREATED_AT);
            assertThat(artifact.updatedAt()).isEqualTo(DEFAULT_CREATED_AT);
            assertThat(artifact.version()).isZero();
        }

        @Test
        void givenNoDeclaredMediaType_request_leavesItEmpty() {
            Artifact artifact = Artifact.request(ArtifactId.of(TestIds.next()), DEFAULT_SPACE, new ArtifactName("a"),
                    DocumentType.OTHER, null, null, null, DEFAULT_CREATED_AT);

            assertThat(artifact.declaredMediaType()).isEmpty();
            assertThat(artifact.threadIds()).isEmpty();
        }
    }

    @Nested
    class StartProcessing {

        @ParameterizedTest
        @EnumSource(names = "PENDING")
        void givenArtifactThatMayStart_startProcessing_movesToProcessing(ArtifactStatus from) {
            Artifact before = anArtifact().withStatus(from).build();

            Artifact after = before.startProcessing(LATER);

            assertThat(after.status()).isEqualTo(PROCESSING);
            assertThat(after.updatedAt()).isEqualTo(LATER);
            assertThat(after.content()).isEmpty();
            assertThat(after.failure()).isEmpty();
            assertSameIdentityAndData(after, before);
            assertInvariants(after);
            assertThat(before.status()).as("the original is immutable").isEqualTo(from);
        }

        @ParameterizedTest
        @EnumSource(names = "PENDING", mode = Mode.EXCLUDE)
        void givenArtifactThatMayNotStart_startProcessing_isRefusedAsIllegalTransition(ArtifactStatus from) {
            Artifact artifact = anArtifact().withStatus(from).build();

            Throwable thrown = catchThrowable(() -> artifact.startProcessing(LATER));

            assertIllegalTransition(thrown, from, PROCESSING);
        }
    }

    @Nested
    class MarkReady {

        @ParameterizedTest
        @EnumSource(names = "PROCESSING")
        void givenProcessingArtifact_markReady_storesContent(ArtifactStatus from) {
            Artifact before = anArtifact().withStatus(from).withVersion(4).build();

            Artifact after = before.markReady(PDF, LATER);

            assertThat(after.status()).isEqualTo(READY);
            assertThat(after.content()).contains(PDF);
            assertThat(after.failure()).isEmpty();
            assertThat(after.updatedAt()).isEqualTo(LATER);
            assertSameIdentityAndData(after, before);
            assertInvariants(after);
        }

        @ParameterizedTest
        @EnumSource(names = "PROCESSING", mode = Mode.EXCLUDE)
        void givenArtifactNotProcessing_markReady_isRefusedAsIllegalTransition(ArtifactStatus from) {
            Artifact artifact = anArtifact().withStatus(from).build();

            Throwable thrown = catchThrowable(() -> artifact.markReady(PDF, LATER));

            assertIllegalTransition(thrown, from, READY);
        }

        @Test
        void givenNoContent_markReady_isRefused() {
            Artifact artifact = anArtifact().withStatus(PROCESSING).build();

            assertThatThrownBy(() -> artifact.markReady(null, LATER)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class MarkFailed {

        @ParameterizedTest
        @EnumSource(names = {"PENDING", "PROCESSING"})
        void givenOpenArtifact_markFailed_recordsTheReason(ArtifactStatus from) {
            Artifact before = anArtifact().withStatus(from).build();

            Artifact after = before.markFailed(BROKEN, LATER);

            assertThat(after.status()).isEqualTo(FAILED);
            assertThat(after.failure()).contains(BROKEN);
            assertThat(after.content()).isEmpty();
            assertThat(after.updatedAt()).isEqualTo(LATER);
            assertSameIdentityAndData(after, before);
            assertInvariants(after);
        }

        @ParameterizedTest
        @EnumSource(names = {"PENDING", "PROCESSING"}, mode = Mode.EXCLUDE)
        void givenFinalArtifact_markFailed_isRefusedAsIllegalTransition(ArtifactStatus from) {
            Artifact artifact = anArtifact().withStatus(from).build();

            Throwable thrown = catchThrowable(() -> artifact.markFailed(BROKEN, LATER));

            assertIllegalTransition(thrown, from, FAILED);
        }

        @Test
        void givenNoReason_markFailed_isRefused() {
            Artifact artifact = anArtifact().withStatus(PROCESSING).build();

            assertThatThrownBy(() -> artifact.markFailed(null, LATER)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void givenClockBehindLastUpdate_transition_neverMovesUpdatedAtBackwards() {
        Instant lastUpdate = DEFAULT_CREATED_AT.plus(Duration.ofHours(1));
        Artifact artifact = anArtifact().withStatus(PENDING).updatedAt(lastUpdate).build();

        Artifact processing = artifact.startProcessing(DEFAULT_CREATED_AT.plusSeconds(1));

        assertThat(processing.updatedAt()).isEqualTo(lastUpdate);
    }

    @Test
    void aWholeLifecycle_pendingToProcessingToReady_advancesUpdatedAtEachStep() {
        Artifact pending = anArtifact().build();

        Artifact processing = pending.startProcessing(DEFAULT_CREATED_AT.plusSeconds(1));
        Artifact ready = processing.markReady(PDF, DEFAULT_CREATED_AT.plusSeconds(2));

        assertThat(processing.updatedAt()).isEqualTo(DEFAULT_CREATED_AT.plusSeconds(1));
        assertThat(ready.updatedAt()).isEqualTo(DEFAULT_CREATED_AT.plusSeconds(2));
        assertThat(ready.downloadableContent()).isEqualTo(PDF);
    }

    @Nested
    class DownloadableContent {

        @ParameterizedTest
        @EnumSource(names = {"PENDING", "PROCESSING"})
        void givenArtifactNotReadyYet_downloadableContent_isRefusedAsNotReady(ArtifactStatus status) {
            Artifact artifact = anArtifact().withStatus(status).build();

            assertThatThrownBy(artifact::downloadableContent)
                    .isInstanceOfSatisfying(ArtifactNotDownloadableException.class, e -> {
                        assertThat(e.code()).isEqualTo("artifact_not_ready");
                        assertThat(e.status()).isEqualTo(status);
                        assertThat(e.getMessage()).contains(artifact.id().toString()).contains(status.wireName());
                    });
        }

        @Test
        void givenFailedArtifact_downloadableContent_isRefusedAsFailed() {
            Artifact artifact = anArtifact().withStatus(FAILED).build();

            assertThatThrownBy(artifact::downloadableContent)
                    .isInstanceOfSatisfying(ArtifactNotDownloadableException.class, e -> {
                        assertThat(e.code()).isEqualTo("artifact_failed");
                        assertThat(e.status()).isEqualTo(FAILED);
                    });
        }

        @Test
        void givenReadyArtifact_downloadableContent_isItsContent() {
            Artifact artifact = anArtifact().withStatus(READY).withContent(PDF).build();

            assertThat(artifact.downloadableContent()).isEqualTo(PDF);
        }
    }

    @ParameterizedTest
    @EnumSource
    void givenArtifactInAnyState_asAccepted_showsItAsItWasAccepted(ArtifactStatus status) {
        Artifact artifact = anArtifact().withStatus(status).withDeclaredMediaType("application/pdf")
                .withMetadata(new ArtifactMetadata(Map.of("k", "v"))).withThreads("t-1", "t-2")
                .updatedAt(LATER).withVersion(7).build();

        Artifact accepted = artifact.asAccepted();

        assertThat(accepted.id()).isEqualTo(artifact.id());
        assertThat(accepted.spaceId()).isEqualTo(artifact.spaceId());
        assertThat(accepted.name()).isEqualTo(artifact.name());
        assertThat(accepted.documentType()).isEqualTo(artifact.documentType());
        assertThat(accepted.threadIds()).isEqualTo(artifact.threadIds());
        assertThat(accepted.declaredMediaType()).isEqualTo(artifact.declaredMediaType());
        assertThat(accepted.metadata()).isEqualTo(artifact.metadata());
        assertThat(accepted.status()).isEqualTo(PENDING);
        assertThat(accepted.content()).isEmpty();
        assertThat(accepted.failure()).isEmpty();
        assertThat(accepted.createdAt()).isEqualTo(artifact.createdAt());
        assertThat(accepted.updatedAt()).isEqualTo(artifact.createdAt());
        assertThat(accepted.version()).isZero();
    }

    @Nested
    class Threads {

        @Test
        void givenRepeatedThreads_artifact_keepsEachOnceInFirstSeenOrder() {
            Artifact artifact = anArtifact().withThreads("b", "a", "b", "c", "a").build();

            assertThat(artifact.threadIds()).extracting(ThreadId::value).containsExactly("b", "a", "c");
        }

        @Test
        void given32DistinctThreads_artifact_isAccepted() {
            Artifact artifact = anArtifact().withThreadIds(threads(32)).build();

            assertThat(artifact.threadIds()).hasSize(Artifact.MAX_THREADS);
        }

        @Test
        void given33DistinctThreads_artifact_isRefusedAsInvalidThreadIds() {
            assertThatThrownBy(() -> anArtifact().withThreadIds(threads(33)).build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid_thread_ids");
                        assertThat(e.field()).isEqualTo("thread_ids");
                    });
        }

        @Test
        void given33ThreadsOf32Distinct_artifact_isAcceptedAfterDeduplication() {
            List<ThreadId> threads = new ArrayList<>(threads(32));
            threads.add(threads.get(0));

            Artifact artifact = anArtifact().withThreadIds(threads).build();

            assertThat(artifact.threadIds()).hasSize(32);
        }

        @Test
        void given33DistinctThreads_request_isRefusedAsInvalidThreadIds() {
            assertThatThrownBy(() -> Artifact.request(ArtifactId.of(TestIds.next()), DEFAULT_SPACE,
                    new ArtifactName("a"), DocumentType.OTHER, threads(33), null, null, DEFAULT_CREATED_AT))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void threadIds_cannotBeChangedFromOutside() {
            List<ThreadId> threads = new ArrayList<>(threads(2));
            Artifact artifact = anArtifact().withThreadIds(threads).build();
            threads.add(new ThreadId("late"));

            assertThat(artifact.threadIds()).hasSize(2);
            assertThatThrownBy(() -> artifact.threadIds().add(new ThreadId("x")))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        private static List<ThreadId> threads(int count) {
            return IntStream.rangeClosed(1, count).mapToObj(i -> new ThreadId("thread-" + i)).toList();
        }
    }

    @Nested
    class Restore {

        @ParameterizedTest
        @EnumSource
        void givenConsistentState_restore_rebuildsTheArtifact(ArtifactStatus status) {
            Artifact artifact = anArtifact().withStatus(status).withVersion(3).updatedAt(LATER).build();

            assertThat(artifact.status()).isEqualTo(status);
            assertThat(artifact.version()).isEqualTo(3);
            assertThat(artifact.updatedAt()).isEqualTo(LATER);
            assertInvariants(artifact);
        }

        @Test
        void givenReadyWithoutContent_restore_isRefused() {
            assertThatThrownBy(() -> anArtifact().withStatus(READY).withContent(null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("content");
        }

        @ParameterizedTest
        @EnumSource(names = {"READY", "DELETED"}, mode = Mode.EXCLUDE)
        void givenContentWhenNotReady_restore_isRefused(ArtifactStatus status) {
            assertThatThrownBy(() -> anArtifact().withStatus(status).withContent(DEFAULT_CONTENT).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("content");
        }

        @Test
        void givenFailedWithoutReason_restore_isRefused() {
            assertThatThrownBy(() -> anArtifact().withStatus(FAILED).withFailure(null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("failure");
        }

        @ParameterizedTest
        @EnumSource(names = {"FAILED", "DELETED"}, mode = Mode.EXCLUDE)
        void givenFailureWhenNotFailed_restore_isRefused(ArtifactStatus status) {
            assertThatThrownBy(() -> anArtifact().withStatus(status).withFailure(BROKEN).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("failure");
        }

        @Test
        void givenUpdatedBeforeCreated_restore_isRefused() {
            assertThatThrownBy(() -> anArtifact().updatedAt(DEFAULT_CREATED_AT.minusMillis(1)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("updatedAt");
        }

        @Test
        void givenMissingRequiredField_restore_isRefused() {
            assertThatThrownBy(() -> anArtifact().withId(null).build()).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> anArtifact().inSpace(null).build()).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> anArtifact().withStatus(null).build()).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> anArtifact().createdAt(null).updatedAt(LATER).build())
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void givenNoMetadata_restore_usesEmptyMetadata() {
            assertThat(anArtifact().withMetadata(null).build().metadata()).isEqualTo(ArtifactMetadata.EMPTY);
        }
    }

    @Test
    void equality_isByIdWhateverTheState() {
        ArtifactId id = ArtifactId.of(TestIds.next());
        Artifact pending = anArtifact().withId(id).build();
        Artifact ready = anArtifact().withId(id).withStatus(READY).build();
        Artifact other = anArtifact().build();

        assertThat(pending).isEqualTo(ready).hasSameHashCodeAs(ready).isNotEqualTo(other);
        assertThat(ready.toString()).contains(id.toString()).contains("ready");
    }

    @Test
    void illegalTransition_isADomainExceptionWithAStableCode() {
        Artifact ready = anArtifact().withStatus(READY).build();

        assertThatThrownBy(() -> ready.startProcessing(LATER))
                .isInstanceOf(DomainException.class)
                .hasMessage("artifact %s cannot move from ready to processing", ready.id());
    }
}
