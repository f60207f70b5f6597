package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.errorFields;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.json;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.sha256Hex;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.uniqueThread;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** POST /v1/spaces/{space_id}/artifacts/generate: 202 with a pending artifact and a queued job, or a problem. */
@QuarkusTest
class GenerateArtifactApiTest {

    private static final String RFC3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
    private static final byte[] HELLO = "hello, artifacts".getBytes(StandardCharsets.UTF_8);

    private static String generatePath() {
        return artifactsPath(bootstrapSpace()) + "/generate";
    }

    private static Response post(byte[] body) {
        return api().contentType("application/json").body(body).post(generatePath());
    }

    private static Response post(byte[] body, String idempotencyKey) {
        return api().contentType("application/json").header("Idempotency-Key", idempotencyKey).body(body)
                .post(generatePath());
    }

    @Test
    void givenValidRequest_generate_returns202WithPendingArtifactAndQueuedJob() {
        String thread1 = uniqueThread("t1");
        String thread2 = uniqueThread("t2");
        byte[] body = generateBody("Quarterly report.txt", "document", HELLO, Map.of(
                "thread_ids", List.of(thread1, thread2), "media_type", "text/plain",
                "metadata", Map.of("source", "rest-test"), "content_sha256", sha256Hex(HELLO)));

        Response response = post(body);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.contentType()).startsWith("application/json");
        JsonPath json = response.jsonPath();
        String id = json.getString("artifact.id");
        assertThat(response.header("Location")).endsWith(artifactsPath(bootstrapSpace()) + "/" + id);
        assertThat(json.getString("artifact.space_id")).isEqualTo(bootstrapSpace());
        assertThat(json.getString("artifact.name")).isEqualTo("Quarterly report.txt");
        assertThat(json.getString("artifact.document_type")).isEqualTo("document");
        assertThat(json.getString("artifact.status")).isEqualTo("pending");
        assertThat(json.getList("artifact.thread_ids", String.class)).containsExactly(thread1, thread2);
        assertThat(json.getString("artifact.media_type")).isEqualTo("text/plain");
        assertThat(json.getMap("artifact.metadata")).containsExactly(Map.entry("source", "rest-test"));
        assertThat(json.getString("artifact.created_at")).matches(RFC3339_UTC);
        assertThat(json.getString("artifact.updated_at")).matches(RFC3339_UTC);
        assertThat(json.getString("job.id")).isNotBlank();
        assertThat(json.getString("job.artifact_id")).isEqualTo(id);
        assertThat(json.getString("job.kind")).isEqualTo("generate");
        assertThat(json.getString("job.status")).isEqualTo("queued");
        assertThat(json.getInt("job.attempt")).isZero();
        assertThat(json.getInt("job.max_attempts")).isEqualTo(5);
        assertThat(json.getString("job.created_at")).matches(RFC3339_UTC);
        assertThat(response.asString()).as("snake_case on the wire")
                .doesNotContain("spaceId", "documentType", "threadIds", "createdAt", "maxAttempts", "artifactId");

        // The Location answers, and the job is listed under the artifact.
        JsonPath artifact = api().get(response.header("Location")).then().statusCode(200).extract().jsonPath();
        assertThat(artifact.getString("id")).isEqualTo(id);
        assertThat(artifact.getString("status")).isIn("pending", "processing", "ready");
        JsonPath jobs = api().get(artifactsPath(bootstrapSpace()) + "/" + id + "/jobs")
                .then().statusCode(200).extract().jsonPath();
        assertThat(jobs.getList("data.id", String.class)).containsExactly(json.getString("job.id"));
        assertThat(jobs.getString("data[0].kind")).isEqualTo("generate");

        // No worker runs for this suite (only ReferenceWorkflowEndToEndTest starts one): still pending.
        JsonPath notReady = assertProblem(api().get(artifactsPath(bootstrapSpace()) + "/" + id + "/download"), 409,
                "artifact_not_ready");
        assertThat(notReady.getString("detail")).contains("pending");
    }

    @Test
    void givenSingleThreadId_generate_storesIt() {
        String thread = uniqueThread("single");
        Response response = post(generateBody("one.txt", "text", HELLO, Map.of("thread_id", thread)));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("artifact.thread_ids", String.class)).containsExactly(thread);
    }

    @Test
    void givenInvalidBase64_generate_returns400InvalidContent() {
        byte[] body = json(Map.of("name", "a.txt", "type", "text", "content", "!!! not base64 !!!"));
        JsonPath problem = assertProblem(post(body), 400, "invalid_content");
        assertThat(errorFields(problem)).containsExactly("content");
    }

    @Test
    void givenMissingFields_generate_returns400ListingEachField() {
        JsonPath problem = assertProblem(post(json(Map.of())), 400, "validation_failed");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("name", "type", "content");
    }

    @Test
    void givenNullAndWronglyTypedFields_generate_returns400ListingEachField() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", null);
        body.put("type", 42);
        body.put("content", List.of("x"));
        JsonPath problem = assertProblem(post(json(body)), 400, "validation_failed");
        assertThat(errorFields(problem)).contains("name", "type", "content");
    }

    @Test
    void givenUnknownType_generate_returns400OnFieldType() {
        JsonPath problem = assertProblem(post(generateBody("a.txt", "spreadsheet-ish", HELLO, Map.of())), 400,
                "validation_failed");
        assertThat(errorFields(problem)).containsExactly("type");
    }

    @Test
    void givenInvalidOptionalFields_generate_returns400ListingEachField() {
        byte[] body = generateBody("a.txt", "text", HELLO, Map.of("thread_ids", List.of("bad thread id"),
                "media_type", "not a media type", "metadata", Map.of("bad key!", "v"), "content_sha256", "xyz"));
        JsonPath problem = assertProblem(post(body), 400, "validation_failed");
        assertThat(errorFields(problem)).contains("thread_id", "media_type", "metadata", "content_sha256");
    }

    @Test
    void givenTooManyThreadsOrMetadataEntries_generate_returns400() {
        List<String> threads = IntStream.range(0, 33).mapToObj(i -> "t" + i).toList();
        JsonPath problem = assertProblem(post(generateBody("a.txt", "text", HELLO, Map.of("thread_ids", threads))),
                400, "validation_failed");
        assertThat(errorFields(problem)).containsExactly("thread_ids");

        Map<String, String> metadata = new HashMap<>();
        IntStream.range(0, 33).forEach(i -> metadata.put("k" + i, "v"));
        problem = assertProblem(post(generateBody("a.txt", "text", HELLO, Map.of("metadata", metadata))), 400,
                "validation_failed");
        assertThat(errorFields(problem)).containsExactly("metadata");

        problem = assertProblem(post(generateBody("n".repeat(256), "text", HELLO, Map.of())), 400,
                "validation_failed");
        assertThat(errorFields(problem)).containsExactly("name");
    }

    @Test
    void givenThreadIdsOfWrongShape_generate_returns400() {
        for (Object threads : List.of("t1", 42, List.of(Map.of("a", 1)), List.of(List.of("t1")))) {
            Response response = post(generateBody("a.txt", "text", HELLO, Map.of("thread_ids", threads)));
            assertThat(response.statusCode()).as("thread_ids %s: %s", threads, response.asString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void givenBodyThatIsNotJson_generate_returns400InvalidJson() {
        assertProblem(post("this is not json".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
        assertProblem(post("{\"name\": \"a.txt\",".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
        assertProblem(post("[1, 2]".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
    }

    /** Strict JSON: a key given twice is refused, never "last one wins", whichever field it is and wherever it sits. */
    @Test
    void givenDuplicatedKey_generate_returns400InvalidJson_namingTheKey() {
        String content = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        JsonPath problem = assertProblem(post(("{\"name\":\"a\",\"name\":\"b\",\"type\":\"document\",\"content\":\""
                + content + "\"}").getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
        assertThat(problem.getString("detail")).contains("\"name\" appears twice");
        assertProblem(post(("{\"name\":\"a\",\"type\":\"document\",\"content\":\"" + content
                + "\",\"metadata\":{\"k\":\"1\",\"k\":\"2\"}}").getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
        assertProblem(post(("{\"name\":\"a\",\"type\":\"document\",\"content\":\"" + content + "\",\"content\":\""
                + content + "\"}").getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
    }

    @Test
    void givenTextPlain_generate_returns415() {
        Response response = api().contentType("text/plain").body("hello").post(generatePath());
        assertProblem(response, 415, "unsupported_media_type");
    }

    @Test
    void givenBodyAboveLimit_generate_returns413() {
        // artifacts.api.max-body-bytes is 2 MiB in the test configuration; this body is 3 MiB.
        byte[] content = new byte[3 * 1024 * 1024 * 3 / 4];
        byte[] body = generateBody("big.bin", "data", content, Map.of());
        assertThat(body.length).isGreaterThan(3 * 1024 * 1024 - 100);
        assertProblem(post(body), 413, "payload_too_large");
    }

    @Test
    void givenContentSha256Mismatch_generate_returns422() {
        byte[] body = generateBody("a.txt", "text", HELLO, Map.of("content_sha256", sha256Hex("other".getBytes())));
        assertProblem(post(body), 422, "content_sha256_mismatch");
    }

    @Test
    void givenInvalidSpaceId_generate_returns400() {
        Response response = api().contentType("application/json").body(generateBody("a.txt", "text", HELLO, Map.of()))
                .post("/v1/spaces/not-a-uuid/artifacts/generate");
        assertProblem(response, 400, "invalid_space_id");
    }

    @Test
    void givenIdempotencyKeyTooLong_generate_returns400() {
        String key = "k".repeat(256);
        assertProblem(post(generateBody("a.txt", "text", HELLO, Map.of()), key), 400, "invalid_idempotency_key");
    }

    @Test
    void givenIdempotencyKeyOfMaximumLength_generate_returns202() {
        String key = UUID.randomUUID() + "k".repeat(255 - 36);
        assertThat(post(generateBody("a.txt", "text", HELLO, Map.of()), key).statusCode()).isEqualTo(202);
    }

    @Test
    void givenSameIdempotencyKeyAndBody_generate_replaysTheFirstAnswer() {
        String key = "replay-" + UUID.randomUUID();
        String thread = uniqueThread("replay");
        byte[] body = generateBody("replayed.txt", "text", HELLO, Map.of("thread_id", thread));

        Response first = post(body, key);
        Response second = post(body, key);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(202);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.asByteArray()).as("replayed body, byte for byte").isEqualTo(first.asByteArray());
        JsonPath listed = api().queryParam("thread_id", thread).get(artifactsPath(bootstrapSpace()))
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("data.id", String.class)).containsExactly(first.jsonPath().getString("artifact.id"));
    }

    @Test
    void givenSameIdempotencyKeyWithFieldsReordered_generate_replays() {
        String key = "reorder-" + UUID.randomUUID();
        byte[] body = generateBody("r.txt", "text", HELLO, Map.of());
        String reordered = "{\"content\":\"" + Base64.getEncoder().encodeToString(HELLO)
                + "\",\"type\":\"text\",\"name\":\"r.txt\"}";
        Response first = post(body, key);
        Response second = post(reordered.getBytes(StandardCharsets.UTF_8), key);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
    }

    @Test
    void givenSameIdempotencyKeyAndOtherBody_generate_returns422() {
        String key = "reused-" + UUID.randomUUID();
        assertThat(post(generateBody("a.txt", "text", HELLO, Map.of()), key).statusCode()).isEqualTo(202);
        byte[] other = generateBody("a.txt", "text", Arrays.copyOf(HELLO, HELLO.length + 1), Map.of());
        assertProblem(post(other, key), 422, "idempotency_key_reused");
    }

    @Test
    void givenRequestThatFailedValidation_sameIdempotencyKey_mayBeReusedWhenCorrected() {
        String key = "corrected-" + UUID.randomUUID();
        assertProblem(post(json(Map.of("type", "text")), key), 400, "validation_failed");
        Response corrected = post(generateBody("a.txt", "text", HELLO, Map.of()), key);
        assertThat(corrected.statusCode()).isEqualTo(202);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void givenSaneRequestId_generate_echoesIt() {
        Response response = api().header("X-Request-Id", "client-req.42:abc").contentType("application/json")
                .body(generateBody("a.txt", "text", HELLO, Map.of())).post(generatePath());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.header("X-Request-Id")).isEqualTo("client-req.42:abc");
    }
}
