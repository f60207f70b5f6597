package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.FAILURE;
import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.LIST_ORDER;
import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.ArtifactSearch;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract of {@link ArtifactRepository} against real PostgreSQL, through the adapter's unit of work. */
@QuarkusTest
class PanacheArtifactRepositoryTest {

    @Inject
    ArtifactRepository artifacts;

    @Inject
    SpaceRepository spaces;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    EntityManager entityManager;

    private SpaceId space;
    private ExecutorService executor;

    @BeforeEach
    void newSpace() {
        space = Fixtures.newSpace(unitOfWork, spaces);
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void givenNewArtifact_findById_returnsItAsAdded() {
        Artifact artifact = Artifact.request(ArtifactId.of(UUID.randomUUID()), space,
                new ArtifactName("Résumé – 2026 “final”.pdf"), DocumentType.PRESENTATION,
                List.of(new ThreadId("thread-z"), new ThreadId("thread-a"), new ThreadId("conv:42.m-1")),
                new MediaType("application/pdf"),
                new ArtifactMetadata(Map.of("b", "2", "a", "1", "source.tool-name", "Ünïcödé \"quoted\" {json}")),
                T0.plusNanos(123_456_000));

        unitOfWork.inTransaction(() -> artifacts.add(artifact));

        Artifact found = find(artifact.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(artifact);
        assertThat(found.threadIds()).extracting(ThreadId::value)
                .containsExactly("thread-z", "thread-a", "conv:42.m-1");
        assertThat(found.declaredMediaType()).contains(new MediaType("application/pdf"));
        assertThat(found.metadata().entries())
                .isEqualTo(Map.of("a", "1", "b", "2", "source.tool-name", "Ünïcödé \"quoted\" {json}"));
        assertThat(found.version()).isZero();
        assertThat(read(artifact.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(found);
    }

    @Test
    void givenArtifactWithoutThreadsOrOptionalFields_findById_returnsItAsAdded() {
        Artifact artifact = Fixtures.pending(space);

        unitOfWork.inTransaction(() -> artifacts.add(artifact));

        Artifact found = find(artifact.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(artifact);
        assertThat(found.threadIds()).isEmpty();
        assertThat(found.declaredMediaType()).isEmpty();
        assertThat(found.metadata()).isEqualTo(ArtifactMetadata.EMPTY);
        assertThat(read(artifact.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(artifact);
    }

    @Test
    void givenReadyArtifact_findByIdOutsideATransaction_isTheSameAsInside() {
        Artifact artifact = Fixtures.pending(space, "thread-2", "thread-1");
        unitOfWork.inTransaction(() -> artifacts.add(artifact));
        unitOfWork.inTransaction(() -> artifacts.update(find(artifact.id()).orElseThrow().startProcessing(T0)));
        unitOfWork.inTransaction(() -> artifacts.update(find(artifact.id()).orElseThrow().markReady(
                new StoredContent(42, new Sha256("ab".repeat(32)), new MediaType("text/plain")), T0.plusSeconds(1))));

        Artifact inside = find(artifact.id()).orElseThrow();
        Artifact outside = read(artifact.id()).orElseThrow();

        assertThat(outside).usingRecursiveComparison().isEqualTo(inside);
        assertThat(outside.status()).isEqualTo(ArtifactStatus.READY);
        assertThat(outside.threadIds()).extracting(ThreadId::value).containsExactly("thread-2", "thread-1");
        assertThat(outside.version()).isEqualTo(2);
    }

    @Test
    void givenArtifactInOtherSpace_findById_isEmpty() {
        Artifact artifact = Fixtures.pending(space, "thread-1");
        unitOfWork.inTransaction(() -> artifacts.add(artifact));
        SpaceId other = Fixtures.newSpace(unitOfWork, spaces);

        assertThat(unitOfWork.inTransaction(() -> artifacts.findById(other, artifact.id()))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> artifacts.findById(space, ArtifactId.of(UUID.randomUUID()))))
                .isEmpty();
        assertThat(unitOfWork.read(() -> artifacts.findById(other, artifact.id()))).isEmpty();
        assertThat(unitOfWork.read(() -> artifacts.findById(space, ArtifactId.of(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void givenPendingArtifact_updateThroughProcessingToReady_storesEachTransition() {
        Artifact artifact = Fixtures.pending(space, "thread-1", "thread-2");
        unitOfWork.inTransaction(() -> artifacts.add(artifact));

        Instant started = T0.plusSeconds(5);
        unitOfWork.inTransaction(() -> artifacts.update(find(artifact.id()).orElseThrow().startProcessing(started)));

        Artifact processing = find(artifact.id()).orElseThrow();
        assertThat(processing.status()).isEqualTo(ArtifactStatus.PROCESSING);
        assertThat(processing.updatedAt()).isEqualTo(started);
        assertThat(processing.version()).isEqualTo(1);
        assertThat(processing.content()).isEmpty();

        Instant finished = T0.plusSeconds(9).plusNanos(1000);
        StoredContent stored = new StoredContent(5_000_000_000L,
                new Sha256("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                new MediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        unitOfWork.inTransaction(() -> artifacts.update(processing.markReady(stored, finished)));

        Artifact ready = find(artifact.id()).orElseThrow();
        assertThat(ready.status()).isEqualTo(ArtifactStatus.READY);
        assertThat(ready.content()).contains(stored);
        assertThat(ready.failure()).isEmpty();
        assertThat(ready.updatedAt()).isEqualTo(finished);
        assertThat(ready.createdAt()).isEqualTo(artifact.createdAt());
        assertThat(ready.threadIds()).isEqualTo(artifact.threadIds());
        assertThat(ready.version()).isEqualTo(2);
    }

    @Test
    void givenProcessingArtifact_markFailed_storesFailureReason() {
        Artifact artifact = Fixtures.pending(space);
        unitOfWork.inTransaction(() -> artifacts.add(artifact));
        unitOfWork.inTransaction(() -> artifacts.update(find(artifact.id()).orElseThrow().startProcessing(T0)));
        FailureReason reason = new FailureReason("content_sha256_mismatch", "content does not match content_sha256");

        unitOfWork.inTransaction(() -> artifacts.update(find(artifact.id()).orElseThrow()
                .markFailed(reason, T0.plusSeconds(1))));

        Artifact failed = find(artifact.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ArtifactStatus.FAILED);
        assertThat(failed.failure()).contains(reason);
        assertThat(failed.content()).isEmpty();
        assertThat(failed.version()).isEqualTo(2);
    }

    @Test
    void givenStaleCopy_update_throwsConcurrentUpdateAndKeepsTheWinner() {
        Artifact artifact = Fixtures.pending(space);
        unitOfWork.inTransaction(() -> artifacts.add(artifact));
        Artifact first = find(artifact.id()).orElseThrow();
        Artifact second = find(artifact.id()).orElseThrow();
        unitOfWork.inTransaction(() -> artifacts.update(first.startProcessing(T0.plusSeconds(1))));

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> artifacts.update(second.markFailed(FAILURE, T0))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .satisfies(e -> assertThat(((ConcurrentUpdateException) e).code()).isEqualTo("concurrent_update"));

        Artifact stored = find(artifact.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ArtifactStatus.PROCESSING);
        assertThat(stored.version()).isEqualTo(1);
    }

    /**
     * The worker reads and updates in one transaction. When another transaction commits a change in
     * between, the update must still be reported as the port's {@link ConcurrentUpdateException}.
     */
    @Test
    void givenConcurrentReadModifyWrite_update_loserGetsConcurrentUpdate() throws Exception {
        Artifact artifact = Fixtures.pending(space);
        unitOfWork.inTransaction(() -> artifacts.add(artifact));
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);

        Future<?> loser = executor.submit(() -> unitOfWork.inTransaction(() -> {
            Artifact mine = artifacts.findById(space, artifact.id()).orElseThrow();
            read.countDown();
            await(otherCommitted);
            artifacts.update(mine.markFailed(FAILURE, T0.plusSeconds(2)));
        }));
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        unitOfWork.inTransaction(() -> artifacts.update(find(artifact.id()).orElseThrow().startProcessing(T0.plusSeconds(1))));
        otherCommitted.countDown();

        assertThatThrownBy(() -> loser.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConcurrentUpdateException.class);
        Artifact stored = find(artifact.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ArtifactStatus.PROCESSING);
        assertThat(stored.version()).isEqualTo(1);
    }

    /** A filter combination of {@link ArtifactSearch}; empty fields do not filter. */
    record Filter(String description, Optional<ThreadId> thread, Optional<DocumentType> type,
                  Optional<ArtifactStatus> status) {

        Predicate<Artifact> matches() {
            return a -> thread.map(t -> a.threadIds().contains(t)).orElse(true)
                    && type.map(t -> a.documentType() == t).orElse(true)
                    && status.map(s -> a.status() == s).orElse(true);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> walks() {
        ThreadId threadA = new ThreadId("thread-a");
        ThreadId threadB = new ThreadId("thread-b");
        return Stream.of(
                Arguments.of(new Filter("no filter", Optional.empty(), Optional.empty(), Optional.empty()), 7, 60),
                Arguments.of(new Filter("thread", Optional.of(threadA), Optional.empty(), Optional.empty()), 7, 30),
                Arguments.of(new Filter("type", Optional.empty(), Optional.of(DocumentType.IMAGE), Optional.empty()), 7, 20),
                Arguments.of(new Filter("type, pages that end exactly", Optional.empty(), Optional.of(DocumentType.IMAGE),
                        Optional.empty()), 5, 20),
                Arguments.of(new Filter("status", Optional.empty(), Optional.empty(), Optional.of(ArtifactStatus.READY)), 7, 15),
                Arguments.of(new Filter("type and status", Optional.empty(), Optional.of(DocumentType.IMAGE),
                        Optional.of(ArtifactStatus.READY)), 7, 5),
                Arguments.of(new Filter("thread and status", Optional.of(threadA), Optional.empty(),
                        Optional.of(ArtifactStatus.READY)), 7, 15),
                Arguments.of(new Filter("thread and type", Optional.of(threadB), Optional.of(DocumentType.DOCUMENT),
                        Optional.empty()), 7, 20),
                Arguments.of(new Filter("thread nobody uses", Optional.of(new ThreadId("thread-unused")),
                        Optional.empty(), Optional.empty()), 7, 0));
    }

    /**
     * Seeds 60 artifacts whose creation times repeat (each time is shared by three artifacts, so the ID
     * breaks ties) and whose random v4 IDs have the sign bit set about half the time, then walks page by
     * page from the position of each page's last row. The session time zone is not UTC, so a cursor time
     * bound as a zone-less timestamp would be caught.
     */
    @ParameterizedTest(name = "{0}, limit {1}")
    @MethodSource("walks")
    void givenSeededSpace_searchWalk_visitsEveryMatchOnceInListOrder(Filter filter, int limit, int expectedCount) {
        List<Artifact> seeded = seed();
        List<Artifact> expected = seeded.stream().filter(filter.matches()).sorted(LIST_ORDER).toList();
        assertThat(expected).as("seeded matches").hasSize(expectedCount);

        List<Artifact> walked = new ArrayList<>();
        Optional<ArtifactSearch.Position> after = Optional.empty();
        for (int page = 0; page <= 60; page++) {
            ArtifactSearch search = new ArtifactSearch(space, filter.thread(), filter.type(), filter.status(), after, limit);
            List<Artifact> rows = unitOfWork.inTransaction(() -> {
                entityManager.createNativeQuery("set local time zone 'Asia/Kolkata'").executeUpdate();
                return artifacts.search(search);
            });
            assertThat(rows).as("page %d", page).hasSizeLessThanOrEqualTo(limit);
            walked.addAll(rows);
            if (rows.size() < limit) {
                break;
            }
            Artifact last = rows.get(rows.size() - 1);
            after = Optional.of(new ArtifactSearch.Position(last.createdAt(), last.id()));
        }

        assertThat(walked).extracting(Artifact::id).containsExactlyElementsOf(expected.stream().map(Artifact::id).toList());
        assertThat(walked).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(expected);
    }

    @Test
    void givenPositionOfTheOldestRow_search_returnsNothing() {
        Artifact only = Fixtures.inStatus(space, ArtifactStatus.PENDING, DocumentType.TEXT, T0, "thread-a");
        unitOfWork.inTransaction(() -> artifacts.add(only));
        ArtifactSearch.Position end = new ArtifactSearch.Position(only.createdAt(), only.id());

        assertThat(search(new ArtifactSearch(space, null, null, null, Optional.of(end), 10))).isEmpty();
        assertThat(search(new ArtifactSearch(space, Optional.of(new ThreadId("thread-a")), null, null,
                Optional.of(end), 10))).isEmpty();
        assertThat(search(new ArtifactSearch(space, null, null, null, null, 10))).containsExactly(only);
    }

    /**
     * Each list query can be answered by walking an index in list order (no sort), which is what keeps
     * page 10,000 as cheap as page 1. Sequential scans are disabled so that the assertion is about the
     * index being usable, not about what the planner prefers for a handful of rows.
     */
    @Test
    void givenListQueries_explain_walksTheMatchingIndexWithoutSorting() {
        seed();
        UUID afterId = UUID.randomUUID();
        Instant afterCreated = T0.plusSeconds(30);

        assertIndexWalk("artifacts_walk", """
                select a.* from artifacts a where a.space_id = :space
                and (a.created_at, a.id) < (:afterCreated, :afterId)
                order by a.created_at desc, a.id desc limit 7""", afterCreated, afterId);
        assertIndexWalk("artifact_threads_walk", """
                select a.* from artifact_threads t join artifacts a on a.id = t.artifact_id
                where t.space_id = :space and t.thread_id = 'thread-a'
                and (t.created_at, t.artifact_id) < (:afterCreated, :afterId)
                order by t.created_at desc, t.artifact_id desc limit 7""", afterCreated, afterId);
        assertIndexWalk("artifacts_walk_type", """
                select a.* from artifacts a where a.space_id = :space
                and (a.created_at, a.id) < (:afterCreated, :afterId) and a.document_type = 'image'
                order by a.created_at desc, a.id desc limit 7""", afterCreated, afterId);
        assertIndexWalk("artifacts_walk_status", """
                select a.* from artifacts a where a.space_id = :space
                and (a.created_at, a.id) < (:afterCreated, :afterId) and a.status = 'ready'
                order by a.created_at desc, a.id desc limit 7""", afterCreated, afterId);
    }

    private void assertIndexWalk(String index, String sql, Instant afterCreated, UUID afterId) {
        List<String> plan = unitOfWork.inTransaction(() -> {
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            entityManager.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = entityManager.createNativeQuery("explain " + sql)
                    .setParameter("space", space.value())
                    .setParameter("afterCreated", afterCreated)
                    .setParameter("afterId", afterId)
                    .getResultList();
            return lines;
        });
        String text = String.join("\n", plan);
        assertThat(text).as(text).containsPattern("Index (Only )?Scan using " + index + " on ");
        assertThat(text).as(text).doesNotContain("Sort");
    }

    /** 60 artifacts in the test's space, added in one transaction; see the walk test for their shape. */
    private List<Artifact> seed() {
        DocumentType[] types = {DocumentType.DOCUMENT, DocumentType.IMAGE, DocumentType.TEXT};
        ArtifactStatus[] statuses = ArtifactStatus.values();
        List<Artifact> seeded = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant createdAt = T0.plusSeconds((i * 7L) % 20).plus(Duration.ofNanos(i % 5 == 4 ? i * 1000L : 0));
            List<String> threads = new ArrayList<>();
            if (i % 5 == 0) {
                threads.add("thread-c");
            }
            if (i % 2 == 0) {
                threads.add("thread-a");
            }
            if (i % 3 == 0) {
                threads.add("thread-b");
            }
            seeded.add(Fixtures.inStatus(space, statuses[i % 4], types[i % 3], createdAt, threads.toArray(String[]::new)));
        }
        unitOfWork.inTransaction(() -> seeded.forEach(artifacts::add));
        return seeded;
    }

    private Optional<Artifact> find(ArtifactId id) {
        return unitOfWork.inTransaction(() -> artifacts.findById(space, id));
    }

    /** Outside a transaction: the single-statement read path. */
    private Optional<Artifact> read(ArtifactId id) {
        return unitOfWork.read(() -> artifacts.findById(space, id));
    }

    private List<Artifact> search(ArtifactSearch search) {
        return unitOfWork.inTransaction(() -> artifacts.search(search));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
