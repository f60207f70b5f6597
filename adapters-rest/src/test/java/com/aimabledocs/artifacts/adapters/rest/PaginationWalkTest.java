package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Walks a large space page by page while artifacts keep arriving: every artifact that existed when the
 * walk began comes exactly once, in (created_at desc, id desc) order, and {@code has_more} is exact.
 *
 * <p>The size is {@code -Dartifacts.test.walk-size} (default 1,000; 10,000 is the figure the contract
 * promises, run by hand: {@code ./mvnw test -pl adapters-rest -Dtest=PaginationWalkTest
 * -Dartifacts.test.walk-size=10000}).
 */
@QuarkusTest
class PaginationWalkTest {

    private static final Logger LOG = Logger.getLogger(PaginationWalkTest.class);
    private static final int WALK_SIZE = Integer.getInteger("artifacts.test.walk-size", 1000);
    private static final int PAGE = 100;
    private static final int BATCH = 500;
    private static final String THREAD = "walk-thread";

    /** List order: created_at desc, then id desc as PostgreSQL compares UUIDs (unsigned bytes = hex text). */
    private static final Comparator<Artifact> LIST_ORDER = Comparator.comparing(Artifact::createdAt)
            .thenComparing(a -> a.id().toString())
            .reversed();

    @Inject
    TestFixtures fixtures;

    @Test
    void givenLargeSpace_walkWhileInserting_returnsEveryArtifactOnceInOrder() {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        List<Artifact> inSpace = insertExisting(space);

        long started = System.nanoTime();
        int walked = assertWalk(space, Map.of(), inSpace, a -> true);
        walked += assertWalk(space, Map.of("thread_id", THREAD), inSpace, a -> !a.threadIds().isEmpty());
        LOG.infof("walked %d artifacts in %d ms", walked, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * {@value #WALK_SIZE} artifacts created in the past, four per microsecond so that the ID breaks ties,
     * with random (not time-ordered) IDs; every third one is in {@link #THREAD}.
     */
    private List<Artifact> insertExisting(TestFixtures.SpaceKey space) {
        Instant start = fixtures.now().minusSeconds(3600);
        List<Artifact> all = new ArrayList<>(WALK_SIZE);
        for (int i = 0; i < WALK_SIZE; i++) {
            DocumentType type = i % 2 == 0 ? DocumentType.DOCUMENT : DocumentType.DATA;
            List<String> threads = i % 3 == 0 ? List.of(THREAD) : List.of();
            all.add(fixtures.pendingArtifact(space.spaceId(), "walk-" + i, type, threads,
                    start.plusNanos((i / 4) * 1000L)));
        }
        long started = System.nanoTime();
        for (int from = 0; from < all.size(); from += BATCH) {
            fixtures.add(all.subList(from, Math.min(from + BATCH, all.size())));
        }
        LOG.infof("inserted %d artifacts in %d ms", all.size(), (System.nanoTime() - started) / 1_000_000);
        return all;
    }

    /**
     * Walks the list with {@code filters}, adding artifacts between pages, and checks it returned exactly the
     * artifacts of {@code inSpace} (the space at the start of the walk) that {@code matches}, in list order.
     */
    private int assertWalk(TestFixtures.SpaceKey space, Map<String, String> filters, List<Artifact> inSpace,
                           Predicate<Artifact> matches) {
        List<String> expected = inSpace.stream().filter(matches).sorted(LIST_ORDER).map(a -> a.id().toString())
                .toList();
        List<String> seen = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        String cursor = null;
        int pages = 0;
        boolean hasMore;
        do {
            var request = as(space.apiKey()).queryParams(filters).queryParam("limit", PAGE);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(artifactsPath(space.spaceId())).then().statusCode(200).extract().jsonPath();
            pages++;
            List<String> ids = page.getList("data.id", String.class);
            hasMore = page.getBoolean("has_more");
            cursor = page.getString("next_cursor");

            assertThat(ids).as("page %d of %s", pages, filters).hasSizeLessThanOrEqualTo(PAGE);
            assertThat(hasMore).as("has_more of page %d", pages).isEqualTo(cursor != null);
            if (hasMore) {
                assertThat(ids).as("a page with more after it is full").hasSize(PAGE);
            }
            for (String id : ids) {
                assertThat(unique.add(id)).as("%s returned twice", id).isTrue();
            }
            seen.addAll(ids);

            // Newer artifacts arrive during the walk, one through the generate endpoint and two (sharing a
            // timestamp) straight into storage; they sort before the cursor and must not appear.
            String generated = as(space.apiKey()).contentType("application/json")
                    .body(generateBody("late-generated", "document", new byte[] {1, 2, 3}, Map.of("thread_id", THREAD)))
                    .post(artifactsPath(space.spaceId()) + "/generate")
                    .then().statusCode(202).extract().jsonPath().getString("artifact.id");
            inSpace.add(fixtures.find(space.spaceId(), generated));
            Instant now = fixtures.now();
            List<Artifact> late = List.of(
                    fixtures.pendingArtifact(space.spaceId(), "late-b", DocumentType.DATA, List.of(), now),
                    fixtures.pendingArtifact(space.spaceId(), "late-c", DocumentType.DOCUMENT, List.of(THREAD), now));
            fixtures.add(late);
            inSpace.addAll(late);
        } while (hasMore && pages <= expected.size() / PAGE + 2);

        assertThat(hasMore).as("the walk ends").isFalse();
        assertThat(pages).as("pages of %s", filters).isEqualTo(Math.max(1, (expected.size() + PAGE - 1) / PAGE));
        assertThat(seen).as("walk of %s", filters).hasSameSizeAs(expected).isEqualTo(expected);
        return seen.size();
    }
}
