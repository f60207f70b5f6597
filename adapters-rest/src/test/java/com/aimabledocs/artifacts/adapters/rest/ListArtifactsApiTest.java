package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** GET /v1/spaces/{space_id}/artifacts: filters, keyset pages, and every invalid parameter. */
@QuarkusTest
class ListArtifactsApiTest {

    @Inject
    TestFixtures fixtures;

    private static JsonPath list(TestFixtures.SpaceKey space, Map<String, ?> query) {
        return as(space.apiKey()).queryParams(query).get(artifactsPath(space.spaceId()))
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** {@code count} pending documents in the space, one microsecond apart, oldest first. */
    private List<Artifact> addDocuments(TestFixtures.SpaceKey space, int count) {
        Instant start = fixtures.now().minusSeconds(60);
        List<Artifact> added = IntStream.range(0, count)
                .mapToObj(i -> fixtures.pendingArtifact(space.spaceId(), "doc-" + i, DocumentType.DOCUMENT, List.of(),
                        start.plusNanos(i * 1000L)))
                .toList();
        fixtures.add(added);
        return added;
    }

    private static List<String> newestFirst(List<Artifact> artifacts) {
        List<String> ids = new ArrayList<>(artifacts.stream().map(a -> a.id().toString()).toList());
        Collections.reverse(ids);
        return ids;
    }

    @Test
    void givenArtifacts_listWithFilters_returnsOnlyThoseMatchingAll() {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ);
        Instant now = fixtures.now();
        Artifact doc = fixtures.pendingArtifact(space.spaceId(), "a", DocumentType.DOCUMENT, List.of("t1", "t2"),
                now.minusMillis(3));
        Artifact image = fixtures.pendingArtifact(space.spaceId(), "b", DocumentType.IMAGE, List.of("t1"),
                now.minusMillis(2));
        Artifact failed = fixtures.pendingArtifact(space.spaceId(), "c", DocumentType.DOCUMENT, List.of("t2"),
                now.minusMillis(1)).markFailed(new FailureReason("boom", "it failed"), now);
        fixtures.add(List.of(doc, image, failed));
        String d = doc.id().toString();
        String i = image.id().toString();
        String f = failed.id().toString();

        assertThat(list(space, Map.of()).getList("data.id", String.class)).containsExactly(f, i, d);
        assertThat(list(space, Map.of("thread_id", "t1")).getList("data.id", String.class)).containsExactly(i, d);
        assertThat(list(space, Map.of("thread_id", "t2")).getList("data.id", String.class)).containsExactly(f, d);
        assertThat(list(space, Map.of("document_type", "document")).getList("data.id", String.class))
                .containsExactly(f, d);
        assertThat(list(space, Map.of("status", "failed")).getList("data.id", String.class)).containsExactly(f);
        assertThat(list(space, Map.of("status", "pending", "document_type", "document", "thread_id", "t2"))
                .getList("data.id", String.class)).containsExactly(d);
        assertThat(list(space, Map.of("thread_id", "t1", "document_type", "image")).getList("data.id", String.class))
                .containsExactly(i);
        assertThat(list(space, Map.of("status", "ready")).getList("data")).isEmpty();
        assertThat(list(space, Map.of("thread_id", "t3")).getList("data")).isEmpty();

        JsonPath first = list(space, Map.of("thread_id", "t1"));
        assertThat(first.getList("data[1].thread_ids", String.class)).containsExactly("t1", "t2");
        assertThat(first.getBoolean("has_more")).isFalse();
        assertThat(first.getString("next_cursor")).isNull();
    }

    @Test
    void givenMoreThanDefaultLimit_list_returns25AndACursor() {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ);
        List<String> expected = newestFirst(addDocuments(space, 26));

        JsonPath page1 = list(space, Map.of());
        assertThat(page1.getList("data.id", String.class)).containsExactlyElementsOf(expected.subList(0, 25));
        assertThat(page1.getBoolean("has_more")).isTrue();
        assertThat(page1.getString("next_cursor")).isNotBlank();

        JsonPath page2 = list(space, Map.of("cursor", page1.getString("next_cursor")));
        assertThat(page2.getList("data.id", String.class)).containsExactly(expected.get(25));
        assertThat(page2.getBoolean("has_more")).isFalse();
        assertThat(page2.getString("next_cursor")).isNull();
    }

    @Test
    void givenCountEqualToLimit_list_hasNoMore() {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ);
        List<String> expected = newestFirst(addDocuments(space, 3));

        JsonPath exact = list(space, Map.of("limit", 3));
        assertThat(exact.getList("data.id", String.class)).containsExactlyElementsOf(expected);
        assertThat(exact.getBoolean("has_more")).isFalse();
        assertThat(exact.getString("next_cursor")).isNull();

        JsonPath page1 = list(space, Map.of("limit", 2));
        assertThat(page1.getBoolean("has_more")).isTrue();
        JsonPath page2 = list(space, Map.of("limit", 2, "cursor", page1.getString("next_cursor")));
        assertThat(page2.getList("data.id", String.class)).containsExactly(expected.get(2));
        assertThat(page2.getBoolean("has_more")).isFalse();

        JsonPath max = list(space, Map.of("limit", 100));
        assertThat(max.getList("data")).hasSize(3);
        assertThat(list(space, Map.of("limit", 1)).getList("data")).hasSize(1);
    }

    @Test
    void givenEmptySpace_list_returnsEmptyPage() {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ);
        JsonPath page = list(space, Map.of());
        assertThat(page.getList("data")).isEmpty();
        assertThat(page.getBoolean("has_more")).isFalse();
        assertThat(page.getMap("$")).containsKeys("data", "has_more");
    }

    @Test
    void givenLimitOutOfRange_list_returns400InvalidLimit() {
        for (String limit : List.of("0", "101", "-1", "abc", "1.5", "99999999999")) {
            assertProblem(api().queryParam("limit", limit).get(artifactsPath(bootstrapSpace())), 400, "invalid_limit");
        }
    }

    @Test
    void givenGarbageCursor_list_returns400InvalidCursor() {
        String wellFormedButWrong = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1|yesterday|nope|0000".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("garbage!!", "djE", wellFormedButWrong, "x".repeat(600))) {
            assertProblem(api().queryParam("cursor", cursor).get(artifactsPath(bootstrapSpace())), 400,
                    "invalid_cursor");
        }
    }

    @Test
    void givenCursorReusedWithOtherFilters_list_returns400InvalidCursor() {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ);
        addDocuments(space, 3);
        String cursor = list(space, Map.of("limit", 1)).getString("next_cursor");
        assertThat(cursor).isNotBlank();

        for (Map<String, String> other : List.of(Map.of("status", "pending"), Map.of("document_type", "document"),
                Map.of("thread_id", "t1"))) {
            assertProblem(as(space.apiKey()).queryParams(other).queryParam("cursor", cursor).queryParam("limit", 1)
                    .get(artifactsPath(space.spaceId())), 400, "invalid_cursor");
        }
        // The same filters (and another limit) keep working.
        assertThat(list(space, Map.of("limit", 5, "cursor", cursor)).getList("data")).hasSize(2);
    }

    @Test
    void givenUnknownStatus_list_returns400() {
        assertProblem(api().queryParam("status", "done").get(artifactsPath(bootstrapSpace())), 400, "invalid_status");
        assertProblem(api().queryParam("status", "READY").get(artifactsPath(bootstrapSpace())), 400, "invalid_status");
    }

    @Test
    void givenUnknownDocumentType_list_returns400() {
        assertProblem(api().queryParam("document_type", "pdf").get(artifactsPath(bootstrapSpace())), 400,
                "invalid_document_type");
    }

    @Test
    void givenMalformedThreadId_list_returns400() {
        for (String thread : List.of("has space", "-leading-dash", "x".repeat(129), "ünïcode")) {
            assertProblem(api().queryParam("thread_id", thread).get(artifactsPath(bootstrapSpace())), 400,
                    "invalid_thread_id");
        }
    }

    @Test
    void givenInvalidSpaceId_list_returns400() {
        assertProblem(api().get("/v1/spaces/not-a-uuid/artifacts"), 400, "invalid_space_id");
        assertProblem(api().get("/v1/spaces/1-1-1-1-1/artifacts"), 400, "invalid_space_id");
    }
}
