package com.aimabledocs.artifacts.worker;

import static com.aimabledocs.artifacts.worker.WorkerFixtures.TIMEOUT;
import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.DEAD_LETTERS;
import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.GENERATION_REQUESTS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.application.service.AcceptExternalGenerationRequestService;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.worker.WorkerFixtures.Staged;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries, leases, the sweeper and dead letters, against the real test stack: poison records and failed
 * jobs land in the dead-letter topic with their reason, and jobs whose request was lost, whose retry time
 * came or whose worker died are re-driven by the sweeper (through the outbox and Kafka) until they end.
 * Times are short in the tests' configuration: lease 3 s, sweep every 1 s, queued-stale-after 3 s. Every
 * record produced, and every dead letter read, is checked against docs/asyncapi.yaml, and so is everything
 * the worker writes to Kafka meanwhile ({@link ContractWatch}).
 */
@QuarkusTest
@WithTestResource(value = WorkerTestTopic.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeliveryGuaranteesTest {

    private static final MediaType TEXT = new MediaType("text/plain");
    /** {@code name{labels} value}, possibly followed by an exemplar ({@code # {trace_id=…} value timestamp}). */
    private static final Pattern COUNTER_LINE = Pattern.compile("(?m)^(\\w+)\\{([^}]*)\\} (\\S+)");

    @Inject
    WorkerFixtures fixtures;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "artifacts.messaging.generation-requests-topic")
    String topic;
    @ConfigProperty(name = "artifacts.messaging.dead-letter-topic")
    String deadLetterTopic;

    private static ContractWatch watch;

    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> deadLetters;
    private final List<ConsumerRecord<String, byte[]>> deadLettersSeen = new ArrayList<>();
    private SpaceId space;

    @BeforeEach
    void setUp() {
        assertThat(deadLetterTopic).as("the worker tests keep to their own topics").isEqualTo(WorkerTestTopic.DEAD_LETTER_TOPIC);
        producer = TestKafka.producer(bootstrapServers, ByteArraySerializer.class);
        deadLetters = TestKafka.deadLettersFromNow(bootstrapServers, deadLetterTopic);
        space = fixtures.newSpace();
    }

    @BeforeAll
    static void watchWhatTheWorkerWrites() {
        watch = ContractWatch.open();
    }

    @AfterAll
    static void checkTheRest() {
        watch.finish();
    }

    @AfterEach
    void tearDown() {
        producer.close(Duration.ofSeconds(5));
        deadLetters.close(Duration.ofSeconds(5));
        watch.assertAllConform(Duration.ofMillis(200));
    }

    // ---- poison messages ----

    @Test
    void givenRecordThatIsNotJson_itIsDeadLetteredCountedAndTheNextRecordOnThePartitionIsProcessed() throws Exception {
        Staged valid = fixtures.stage(space, "after-poison.txt", TEXT, bytes("still flowing"), fixtures.now());
        String key = valid.artifact().toString();
        byte[] poison = ("not JSON { " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        double countedBefore = counter("artifacts_worker_dead_letters_total", "reason", "unreadable_message");

        RecordMetadata poisoned = sendBreakingTheContract(key, poison);
        send(key, bytes(fixtures.message(valid, Optional.empty())));

        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(r -> java.util.Arrays.equals(r.value(), poison));
        assertThat(letter.key()).isEqualTo(key);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("unreadable_message");
        assertThat(header(letter, DeadLetters.MESSAGE)).startsWith("not JSON");
        assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(topic);
        assertThat(header(letter, DeadLetters.SOURCE_PARTITION)).isEqualTo(Integer.toString(poisoned.partition()));
        assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).isEqualTo(Long.toString(poisoned.offset()));
        assertThat(letter.headers().lastHeader(DeadLetters.JOB_ID)).isNull();
        Job job = fixtures.awaitFinished(valid.job());
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(counter("artifacts_worker_dead_letters_total", "reason", "unreadable_message"))
                .isGreaterThanOrEqualTo(countedBefore + 1);
    }

    @Test
    void givenRecordsBreakingTheSchema_eachIsDeadLetteredAsInvalidMessage() throws Exception {
        String marker = UUID.randomUUID().toString();
        String unknownVersion = "{\"schema_version\":2,\"job_id\":\"" + marker + "\"}";
        String badUuid = "{\"schema_version\":1,\"job_id\":\"not-a-uuid\",\"artifact_id\":\"" + marker
                + "\",\"space_id\":\"" + space + "\",\"staged_object_key\":\"spaces/" + space + "/artifacts/" + marker
                + "/content\"}";
        String missingFields = "{\"schema_version\":1,\"artifact_id\":\"" + marker + "\"}";
        String wrongType = "{\"schema_version\":\"one\",\"artifact_id\":\"" + marker + "\"}";

        for (String value : List.of(unknownVersion, badUuid, missingFields, wrongType)) {
            sendBreakingTheContract(marker, bytes(value));
        }

        for (String value : List.of(unknownVersion, badUuid, missingFields, wrongType)) {
            ConsumerRecord<String, byte[]> letter = awaitDeadLetter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(value));
            assertThat(header(letter, DeadLetters.REASON)).as(value).isEqualTo("invalid_message");
        }
        assertThat(counter("artifacts_worker_dead_letters_total", "reason", "invalid_message")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void givenRequestWhoseJsonHoldsAKeyTwice_itIsDeadLetteredAsInvalidMessageAndCreatesNothing() throws Exception {
        String requestId = "duplicated-name-" + UUID.randomUUID();
        String value = ("{\"schema_version\":1,\"request_id\":\"%s\",\"space_id\":\"%s\",\"name\":\"a.txt\","
                + "\"name\":\"b.txt\",\"type\":\"document\",\"content_base64\":\"SGVsbG8=\"}").formatted(requestId, space);
        double countedBefore = counter("artifacts_worker_dead_letters_total", "reason", "invalid_message");

        sendBreakingTheContract(requestId, bytes(value));

        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(value));
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("invalid_message");
        assertThat(header(letter, DeadLetters.MESSAGE)).contains("twice").contains("name");
        assertThat(fixtures.findArtifact(space, AcceptExternalGenerationRequestService.artifactIdFor(space, requestId)))
                .as("no artifact for a request read neither way").isEmpty();
        assertThat(counter("artifacts_worker_dead_letters_total", "reason", "invalid_message"))
                .isGreaterThanOrEqualTo(countedBefore + 1);
    }

    @Test
    void givenRequestForAnUnknownJob_itIsDeadLetteredAsUnknownJob() throws Exception {
        var artifact = com.aimabledocs.artifacts.domain.artifact.ArtifactId.of(fixtures.newId());
        Staged ghost = new Staged(space, artifact, com.aimabledocs.artifacts.domain.job.JobId.of(fixtures.newId()),
                com.aimabledocs.artifacts.domain.artifact.ObjectKey.contentOf(space, artifact), new byte[0]);
        String value = fixtures.message(ghost, Optional.empty());

        send(ghost.artifact().toString(), bytes(value));

        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(value));
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("unknown_job");
        assertThat(header(letter, DeadLetters.JOB_ID)).isEqualTo(ghost.job().toString());
    }

    // ---- permanent failure ----

    @Test
    void givenContentSha256Mismatch_jobFailsAtOnceAndTheOriginalRequestIsDeadLettered() throws Exception {
        double failedBefore = counter("artifacts_worker_jobs_finished_total", "status", "failed");
        // The digest is on the job too, as the API stores it: a re-drive by the sweeper (a slow machine can
        // leave the job queued past queued-stale-after) must fail the same way.
        Staged staged = fixtures.stage(space, "notes.txt", TEXT, bytes("the real bytes"), fixtures.now(),
                Optional.of(new Sha256("0".repeat(64))));
        String value = fixtures.message(staged, Optional.of("0".repeat(64)));
        send(staged.artifact().toString(), bytes(value));

        Job job = fixtures.awaitFinished(staged.job());
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.attempt()).as("no retry for a permanent failure").isEqualTo(1);
        assertThat(job.error()).map(FailureReason::code).contains("content_sha256_mismatch");
        assertThat(fixtures.artifact(staged).status()).isEqualTo(ArtifactStatus.FAILED);
        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(r -> staged.job().toString().equals(header(r, DeadLetters.JOB_ID)));
        // The original request, or (on a slow machine) the sweeper's re-drive of the same job.
        String lettered = new String(letter.value(), StandardCharsets.UTF_8);
        assertThat(lettered.equals(value) || lettered.contains(staged.job().toString()) && lettered.contains("0".repeat(64)))
                .as("dead letter %s", lettered).isTrue();
        assertThat(letter.key()).isEqualTo(staged.artifact().toString());
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("content_sha256_mismatch");
        assertThat(header(letter, DeadLetters.MESSAGE)).contains("content_sha256");
        assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(topic);
        org.awaitility.Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                counter("artifacts_worker_jobs_finished_total", "status", "failed")).isGreaterThanOrEqualTo(failedBefore + 1));
    }

    // ---- the sweeper ----

    @Test
    void givenQueuedJobWhoseRequestWasNeverSent_theSweeperSendsItAndTheJobSucceeds() {
        Instant longAgo = fixtures.now().minus(Duration.ofMinutes(10));
        Staged lost = fixtures.stage(space, "lost.txt", TEXT, bytes("lost request"), longAgo);

        Job job = fixtures.awaitFinished(lost.job());

        assertThat(job.status()).as("error %s", job.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(fixtures.artifact(lost).status()).isEqualTo(ArtifactStatus.READY);
    }

    @Test
    void givenLostRequestWithADeclaredDigest_theRedrivenRequestStillChecksIt() throws Exception {
        Instant longAgo = fixtures.now().minus(Duration.ofMinutes(10));
        Staged lost = fixtures.stage(space, "tampered.txt", TEXT, bytes("not what was declared"), longAgo,
                Optional.of(new Sha256("0".repeat(64))));

        Job job = fixtures.awaitFinished(lost.job());

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).map(FailureReason::code).contains("content_sha256_mismatch");
        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(r -> lost.job().toString().equals(header(r, DeadLetters.JOB_ID)));
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("content_sha256_mismatch");
        // the outbox keeps the payload as jsonb, so the re-sent JSON is PostgreSQL's rendering of it
        assertThat(new String(letter.value(), StandardCharsets.UTF_8).replace(" ", ""))
                .contains("\"content_sha256\":\"" + "0".repeat(64) + "\"");
    }

    @Test
    void givenJobLeftRunningByADeadWorker_theSweeperTakesItBackAfterTheLeaseAndItSucceeds() {
        Instant crash = fixtures.now().minusSeconds(10);
        // accepted just now, so that the sweeper does not take the queued job for lost before it "runs"
        Staged orphan = fixtures.stage(space, "orphan.txt", TEXT, bytes("worker died"), fixtures.now());
        fixtures.startProcessing(orphan, crash);
        fixtures.change(orphan, job -> job.start(crash, "worker-that-died", crash.plusSeconds(3)));

        Job job = fixtures.awaitFinished(orphan.job());

        assertThat(job.status()).as("error %s", job.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempt()).as("the dead worker's attempt counts").isEqualTo(2);
        assertThat(fixtures.artifact(orphan).status()).isEqualTo(ArtifactStatus.READY);
        assertThat(fixtures.exists(orphan.key())).as("the bytes stay under the artifact's key").isTrue();
    }

    @Test
    void givenJobRunningUnderALiveLease_theSweeperLeavesItUntilTheLeaseExpires() {
        Instant start = fixtures.now();
        Staged held = fixtures.stage(space, "held.txt", TEXT, bytes("held"), start.minusSeconds(1));
        fixtures.change(held, job -> job.start(start, "worker-slow", start.plusSeconds(4)));

        org.awaitility.Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(3))
                .until(() -> fixtures.job(held.job()).status() == JobStatus.RUNNING);
        Job job = fixtures.awaitFinished(held.job());
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempt()).isEqualTo(2);
    }

    @Test
    void givenJobWaitingForARetryAfterATransientFailure_theSweeperRedrivesItWhenDueAndItSucceeds() {
        // what a first attempt that met an S3 outage leaves behind; no request is on its way
        Instant failedAt = fixtures.now();
        Staged waiting = fixtures.stage(space, "retry.txt", TEXT, bytes("retry me"), failedAt.minusSeconds(1));
        fixtures.change(waiting, job -> job.start(failedAt, "worker-a", failedAt.plusSeconds(3))
                .retryAt(failedAt.plusMillis(500), new FailureReason("object_store_unavailable",
                        "object_store is unavailable"), failedAt));

        Job job = fixtures.awaitFinished(waiting.job());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempt()).isEqualTo(2);
        assertThat(job.error()).isEmpty();
    }

    @Test
    void givenDeadWorkerOnTheLastAttempt_theSweeperFailsTheJobAndItsRequestIsDeadLettered() {
        Instant crash = fixtures.now().minusSeconds(10);
        Staged orphan = fixtures.stage(space, "last.txt", TEXT, bytes("last attempt"), fixtures.now());
        FailureReason down = new FailureReason("database_unavailable", "down");
        fixtures.startProcessing(orphan, crash);
        // two attempts that failed transiently, then a third whose worker died
        fixtures.change(orphan, job -> job.start(crash, "worker-flaky", crash.plusSeconds(1)).retryAt(crash, down, crash)
                .start(crash, "worker-flaky", crash.plusSeconds(1)).retryAt(crash, down, crash)
                .start(crash, "worker-that-died", crash.plusSeconds(3)));

        Job job = fixtures.awaitFinished(orphan.job());

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.attempt()).isEqualTo(3);
        assertThat(job.error()).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo("attempts_exhausted");
            assertThat(error.message()).contains("lease_expired");
        });
        assertThat(fixtures.artifact(orphan).status()).isEqualTo(ArtifactStatus.FAILED);
        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(r -> orphan.job().toString().equals(header(r, DeadLetters.JOB_ID)));
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("attempts_exhausted");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains(orphan.job().toString());
    }

    // ---- helpers ----

    private RecordMetadata send(String key, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        AsyncApiContract.get().assertConforms(GENERATION_REQUESTS, record);
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** A record the worker must refuse, which the contract refuses too. */
    private RecordMetadata sendBreakingTheContract(String key, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        AsyncApiContract.get().assertBreaks(GENERATION_REQUESTS, record);
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return org.awaitility.Awaitility.await("a dead letter").atMost(TIMEOUT).pollInterval(Duration.ZERO)
                .until(() -> {
                    for (ConsumerRecord<String, byte[]> record : deadLetters.poll(Duration.ofMillis(200))) {
                        AsyncApiContract.get().assertConforms(DEAD_LETTERS, record);
                        deadLettersSeen.add(record);
                    }
                    return deadLettersSeen.stream().filter(wanted).findFirst();
                }, Optional::isPresent).orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A counter's value at /q/metrics summed over its other labels, 0 while it was never incremented. */
    private static double counter(String name, String tag, String value) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = COUNTER_LINE.matcher(metrics);
        double sum = 0;
        while (line.find()) {
            if (line.group(1).equals(name) && line.group(2).contains(tag + "=\"" + value + "\"")) {
                sum += Double.parseDouble(line.group(3));
            }
        }
        return sum;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
