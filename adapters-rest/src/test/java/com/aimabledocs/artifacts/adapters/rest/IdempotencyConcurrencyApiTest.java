package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapKey;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.json;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.sha256Hex;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.uniqueThread;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.application.service.GenerateArtifactService;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservation;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key under concurrency and failure, through the API against the real database: a key is
 * reserved atomically, a request meeting it in flight gets 409 with Retry-After, a completed one is
 * replayed byte for byte, a failed one leaves nothing behind, and old keys are purged.
 */
@QuarkusTest
class IdempotencyConcurrencyApiTest {

    private static final byte[] HELLO = "hello, idempotency".getBytes(StandardCharsets.UTF_8);
    private static final int REQUESTS = 100;
    private static final int CLIENT_THREADS = 32;

    @Inject
    TestFixtures fixtures;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    ApiKeyRepository apiKeys;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotencyKeyPurge purge;

    @Inject
    ApiConfig config;

    private static String generatePath(String spaceId) {
        return artifactsPath(spaceId) + "/generate";
    }

    private static Response post(String apiKey, String spaceId, byte[] body, String idempotencyKey) {
        return as(apiKey).contentType("application/json").header("Idempotency-Key", idempotencyKey).body(body)
                .post(generatePath(spaceId));
    }

    private static Response post(byte[] body, String idempotencyKey) {
        return post(bootstrapKey(), bootstrapSpace(), body, idempotencyKey);
    }

    @Test
    void given100ConcurrentIdenticalRequestsWithOneKey_generate_createsExactlyOneArtifactJobAndMessage()
            throws Exception {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        String key = "hundred-" + UUID.randomUUID();
        byte[] body = generateBody("concurrent.txt", "text", HELLO, Map.of("thread_id", uniqueThread("hundred")));

        List<Response> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            CountDownLatch startGate = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                calls.add(pool.submit(() -> {
                    startGate.await();
                    return post(space.apiKey(), space.spaceId(), body, key);
                }));
            }
            startGate.countDown();
            for (Future<Response> call : calls) {
                responses.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Response> originals = new ArrayList<>();
        List<Response> replays = new ArrayList<>();
        List<Response> inUse = new ArrayList<>();
        for (Response response : responses) {
            if (response.statusCode() == 409) {
                assertProblem(response, 409, "idempotency_key_in_use");
                assertThat(response.header("Retry-After")).as("Retry-After of a 409").matches("[12]");
                inUse.add(response);
            } else {
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
                ("true".equals(response.header("Idempotent-Replayed")) ? replays : originals).add(response);
            }
        }
        assertThat(originals).as("exactly one request created").hasSize(1);
        Response original = originals.get(0);
        assertThat(original.header("Idempotent-Replayed")).isNull();
        for (Response replay : replays) {
            assertThat(replay.asByteArray()).as("replayed body, byte for byte").isEqualTo(original.asByteArray());
            assertThat(replay.header("Location")).isEqualTo(original.header("Location"));
        }
        // Once the first completed, a late retry is always replayed.
        Response late = post(space.apiKey(), space.spaceId(), body, key);
        assertThat(late.statusCode()).isEqualTo(202);
        assertThat(late.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(late.asByteArray()).isEqualTo(original.asByteArray());

        String artifactId = original.jsonPath().getString("artifact.id");
        JsonPath listed = as(space.apiKey()).get(artifactsPath(space.spaceId())).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("data.id", String.class)).as("artifacts in the space").containsExactly(artifactId);
        JsonPath jobs = as(space.apiKey()).get(artifactsPath(space.spaceId()) + "/" + artifactId + "/jobs")
                .then().statusCode(200).extract().jsonPath();
        assertThat(jobs.getList("data.id", String.class)).containsExactly(original.jsonPath().getString("job.id"));
        long jobRows = count("select count(*) from jobs where space_id = :id", UUID.fromString(space.spaceId()));
        long outboxRows = count("select count(*) from outbox where message_key = :id and event_type = 'generation_requested'", artifactId);
        long keyRows = count("select count(*) from idempotency_records where idempotency_key = :id", key);
        assertThat(jobRows).as("jobs in the space").isEqualTo(1);
        assertThat(outboxRows).as("outbox rows for the artifact").isEqualTo(1);
        assertThat(keyRows).as("idempotency rows for the key").isEqualTo(1);
        assertThat(replays.size() + inUse.size()).isEqualTo(REQUESTS - 1);

        System.out.printf("%d concurrent generate requests with one Idempotency-Key (%d client threads): "
                        + "accepted=%d replayed=%d in_use=%d artifacts=%d jobs=%d outbox=%d%n",
                REQUESTS, CLIENT_THREADS, originals.size(), replays.size(), inUse.size(),
                listed.getList("data").size(), jobRows, outboxRows);
    }

    @Test
    void givenKeyHeldByARequestInFlight_generate_returns409WithRetryAfterAndCreatesNothing() {
        String key = "in-flight-" + UUID.randomUUID();
        String thread = uniqueThread("in-flight");
        byte[] body = generateBody("in-flight.txt", "text", HELLO, Map.of("thread_id", thread));
        IdempotencyReservation held = IdempotencyReservation.reserve(bootstrapScoped(key), "0".repeat(64),
                UUID.randomUUID(), fixtures.now(), Duration.ofMinutes(5));
        unitOfWork.inTransaction(() -> idempotency.reserve(held));

        Response response = post(body, key);

        JsonPath problem = assertProblem(response, 409, "idempotency_key_in_use");
        assertThat(problem.getString("detail")).contains("retry");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(listedInThread(thread)).isEmpty();

        // The holder fails and releases the key: the next request gets it.
        unitOfWork.inTransaction(() -> idempotency.release(held));
        Response retried = post(body, key);
        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(202);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(listedInThread(thread)).containsExactly(retried.jsonPath().getString("artifact.id"));
    }

    @Test
    void givenExpiredReservationOfACrashedRequest_generate_takesTheKeyOverAndCreates() {
        String key = "crashed-" + UUID.randomUUID();
        String thread = uniqueThread("crashed");
        byte[] body = generateBody("crashed.txt", "text", HELLO, Map.of("thread_id", thread));
        IdempotencyReservation crashed = IdempotencyReservation.reserve(bootstrapScoped(key), "0".repeat(64),
                UUID.randomUUID(), fixtures.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
        unitOfWork.inTransaction(() -> idempotency.reserve(crashed));

        Response first = post(body, key);
        Response replay = post(body, key);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(listedInThread(thread)).containsExactly(first.jsonPath().getString("artifact.id"));
    }

    @Test
    void givenInvalidBase64_sameKeyWithCorrectedBody_returns202() {
        String key = "bad-base64-" + UUID.randomUUID();
        assertProblem(post(json(Map.of("name", "a.txt", "type", "text", "content", "!!! not base64 !!!")), key), 400,
                "invalid_content");

        Response corrected = post(generateBody("a.txt", "text", HELLO, Map.of()), key);

        assertThat(corrected.statusCode()).as(corrected.asString()).isEqualTo(202);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    /** The digest is checked while the bytes are staged, after the key was reserved: the key is released. */
    @Test
    void givenContentSha256Mismatch_sameKeyWithCorrectedBody_returns202() {
        String key = "bad-digest-" + UUID.randomUUID();
        assertProblem(post(generateBody("a.txt", "text", HELLO, Map.of("content_sha256", sha256Hex(new byte[1]))), key),
                422, "content_sha256_mismatch");

        Response corrected = post(generateBody("a.txt", "text", HELLO, Map.of("content_sha256", sha256Hex(HELLO))), key);

        assertThat(corrected.statusCode()).as(corrected.asString()).isEqualTo(202);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(count("select count(*) from idempotency_records where idempotency_key = :id", key)).isEqualTo(1);
    }

    @Test
    void givenKeysOlderThanTheRetention_scheduledPurge_deletesThemAndKeepsYoungerOnes() {
        assertThat(config.idempotency().retention()).as("the published default").isEqualTo(Duration.ofHours(24));
        Instant now = fixtures.now();
        IdempotencyKey old = bootstrapScoped("old-" + UUID.randomUUID());
        IdempotencyKey young = bootstrapScoped("young-" + UUID.randomUUID());
        IdempotencyKey abandoned = bootstrapScoped("abandoned-" + UUID.randomUUID());
        completedAt(old, now.minus(Duration.ofHours(25)));
        completedAt(young, now.minus(Duration.ofHours(23)));
        unitOfWork.inTransaction(() -> idempotency.reserve(IdempotencyReservation.reserve(abandoned, "0".repeat(64),
                UUID.randomUUID(), now.minus(Duration.ofHours(30)), Duration.ofMinutes(5))));

        purge.run();

        assertThat(unitOfWork.inTransaction(() -> idempotency.find(old))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> idempotency.find(abandoned))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> idempotency.find(young))).isPresent();
    }

    private void completedAt(IdempotencyKey key, Instant reservedAt) {
        IdempotencyReservation reservation = IdempotencyReservation.reserve(key, "0".repeat(64), UUID.randomUUID(),
                reservedAt, Duration.ofMinutes(5));
        unitOfWork.inTransaction(() -> {
            idempotency.reserve(reservation);
            idempotency.complete(reservation, ArtifactId.of(UUID.randomUUID()), JobId.of(UUID.randomUUID()));
        });
        assertThat(unitOfWork.inTransaction(() -> idempotency.find(key))).get().isInstanceOf(IdempotencyRecord.class);
    }

    /** {@code key} as the API scopes it for the bootstrap key on the bootstrap space. */
    private IdempotencyKey bootstrapScoped(String key) {
        ApiKeyId owner = unitOfWork.inTransaction(() -> apiKeys.findBySecretHash(ApiKeySecret.of(bootstrapKey()).hash()))
                .orElseThrow().id();
        return new IdempotencyKey(owner, SpaceId.parse(bootstrapSpace()), GenerateArtifactService.ROUTE, key);
    }

    private List<String> listedInThread(String thread) {
        return api().queryParam("thread_id", thread).get(artifactsPath(bootstrapSpace()))
                .then().statusCode(200).extract().jsonPath().getList("data.id", String.class);
    }

    private long count(String sql, Object id) {
        return unitOfWork.inTransaction(() ->
                ((Number) entityManager.createNativeQuery(sql).setParameter("id", id).getSingleResult()).longValue());
    }
}
