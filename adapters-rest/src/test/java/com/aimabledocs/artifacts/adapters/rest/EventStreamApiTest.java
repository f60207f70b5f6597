package com.aimabledocs.artifacts.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The event stream end to end in this process: events of artifacts generated through the API and run by the
 * worker's use case arrive live, in order, with their ids; a client that reconnects with the last id gets exactly
 * what it missed; tokens work on the stream only; bad cursors and filters are refused before the stream starts.
 */
@QuarkusTest
class EventStreamApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestFixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    private URI events(String spaceId, String query) {
        return URI.create(base.toString().replaceAll("/$", "") + "/v1/spaces/" + spaceId + "/events"
                + (query.isEmpty() ? "" : "?" + query));
    }

    @Test
    void givenStream_generatedArtifacts_arriveLiveAndAReconnectGetsExactlyWhatItMissed() throws Exception {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        String lastId;
        try (SseClient stream = SseClient.open(events(space.spaceId(), ""), Map.of("X-API-Key", space.apiKey()))) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            Generating.Accepted first = Generating.generateAndRun(fixtures, space, "first.txt");

            List<SseClient.Event> seen = stream.take(6, WAIT);

            assertThat(seen).extracting(SseClient.Event::type).containsExactly("artifact.pending", "job.queued",
                    "job.running", "artifact.processing", "job.succeeded", "artifact.ready");
            for (SseClient.Event event : seen) {
                JsonNode data = JSON.readTree(event.data());
                assertThat(data.get("event_type").asText()).isEqualTo(event.type());
                assertThat(data.get("artifact_id").asText()).isEqualTo(first.artifactId());
                assertThat(data.get("space_id").asText()).isEqualTo(space.spaceId());
            }
            assertThat(seen).extracting(SseClient.Event::id).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d+-\\d+"));
            assertThat(stream.retry()).isEqualTo("3000");
            lastId = seen.get(seen.size() - 1).id();
        }

        List<Generating.Accepted> missed = List.of(Generating.generateAndRun(fixtures, space, "missed-1.txt"),
                Generating.generateAndRun(fixtures, space, "missed-2.txt"),
                Generating.generateAndRun(fixtures, space, "missed-3.txt"));

        try (SseClient resumed = SseClient.open(events(space.spaceId(), ""),
                Map.of("X-API-Key", space.apiKey(), "Last-Event-ID", lastId))) {
            List<SseClient.Event> caughtUp = resumed.take(18, WAIT);
            assertThat(caughtUp).hasSize(18);
            assertThat(caughtUp.stream().map(e -> artifactOf(e)).collect(Collectors.toSet()))
                    .isEqualTo(missed.stream().map(Generating.Accepted::artifactId).collect(Collectors.toSet()));
            assertThat(caughtUp).extracting(SseClient.Event::id).doesNotHaveDuplicates();
            assertThat(resumed.next(Duration.ofMillis(700))).as("nothing more").isNull();
        }
    }

    @Test
    void givenFilters_theStream_carriesOnlyMatchingEvents() throws Exception {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        try (SseClient stream = SseClient.open(events(space.spaceId(), "types=artifact.ready,job.succeeded"),
                Map.of("X-API-Key", space.apiKey()))) {
            Generating.generateAndRun(fixtures, space, "filtered.txt");
            assertThat(stream.take(2, WAIT)).extracting(SseClient.Event::type)
                    .containsExactly("job.succeeded", "artifact.ready");
        }
    }

    @Test
    void givenEventToken_theStreamAcceptsIt_andNoOtherRouteDoes() throws Exception {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        var issued = ApiTestSupport.as(space.apiKey())
                .post("/v1/spaces/" + space.spaceId() + "/event-tokens").then().statusCode(201)
                .header("Cache-Control", "no-store").extract().jsonPath();
        String token = issued.getString("token");
        assertThat(token).startsWith("evt_");
        assertThat(issued.getString("expires_at")).isNotBlank();

        try (SseClient stream = SseClient.open(events(space.spaceId(), "token=" + token), Map.of())) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            Generating.generateAndRun(fixtures, space, "token.txt");
            assertThat(stream.take(1, WAIT)).extracting(SseClient.Event::type).containsExactly("artifact.pending");
        }
        ApiTestSupport.anonymous().queryParam("token", token)
                .get("/v1/spaces/" + space.spaceId() + "/artifacts").then().statusCode(401);
        var other = fixtures.newSpace(Scope.ARTIFACTS_READ);
        try (SseClient elsewhere = SseClient.open(events(other.spaceId(), "token=" + token), Map.of())) {
            assertThat(elsewhere.response().statusCode()).as("bound to its space").isEqualTo(404);
        }
        try (SseClient forged = SseClient.open(events(space.spaceId(), "token=evt_" + "A".repeat(43)), Map.of())) {
            assertThat(forged.response().statusCode()).isEqualTo(401);
            assertThat(forged.body()).contains("\"code\":\"unauthenticated\"");
        }
    }

    @Test
    void givenBadCursorOrFilter_theStreamIsRefusedAsProblemJson() throws Exception {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        Generating.generateAndRun(fixtures, space, "expired.txt");
        Map<String, Integer> expected = Map.of("after=not-a-cursor", 400, "types=artifact.exploded", 400,
                "after=0-0", 410, "after=", 400, "types=", 400, "thread_id=", 400, "after=1-1&after=2-2", 400);
        for (var refusal : expected.entrySet()) {
            try (SseClient stream = SseClient.open(events(space.spaceId(), refusal.getKey()),
                    Map.of("X-API-Key", space.apiKey()))) {
                assertThat(stream.response().statusCode()).as(refusal.getKey()).isEqualTo(refusal.getValue());
                assertThat(stream.response().headers().firstValue("Content-Type")).contains("application/problem+json");
                String body = stream.body();
                assertThat(body).contains(refusal.getValue() == 410 ? "cursor_expired" : "\"code\":\"invalid");
            }
        }
        try (SseClient anonymous = SseClient.open(events(space.spaceId(), ""), Map.of())) {
            assertThat(anonymous.response().statusCode()).isEqualTo(401);
        }
        try (SseClient readOnlyElsewhere = SseClient.open(events(space.spaceId(), ""),
                Map.of("X-API-Key", fixtures.newSpace(Scope.ARTIFACTS_READ).apiKey()))) {
            assertThat(readOnlyElsewhere.response().statusCode()).isEqualTo(404);
        }
    }

    private static String artifactOf(SseClient.Event event) {
        try {
            return JSON.readTree(event.data()).get("artifact_id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
