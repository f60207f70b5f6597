package com.aimabledocs.artifacts.adapters.rest.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import com.aimabledocs.artifacts.application.service.AcceptExternalGenerationRequestService;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stops and kills real processes under load and checks the promise: every accepted request ends as
 * exactly one artifact in a final state. Each scenario prints accepted / ready / duplicates / lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerationFaultIT {

    private static final int BATCH = Integer.getInteger("artifacts.fault.batch", 200);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FaultEnvironment env;
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void start() {
        env = new FaultEnvironment("generation");
        env.startApi();
        env.startWorker();
        Map<String, String> app = env.appEnvironment();
        bucket = app.get("ARTIFACTS_S3_BUCKET");
        s3 = S3Client.builder()
                .endpointOverride(URI.create(app.get("ARTIFACTS_S3_ENDPOINT")))
                .forcePathStyle(true)
                .region(Region.of(app.get("ARTIFACTS_S3_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        app.get("ARTIFACTS_S3_ACCESS_KEY"), app.get("ARTIFACTS_S3_SECRET_KEY"))))
                .build();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    @Order(1)
    void givenKafkaDown_acceptedRequests_allBecomeReadyOnceItIsBack() throws Exception {
        String thread = "kafka-outage";
        env.stack("down", "kafka");
        List<String> accepted = generate(thread, BATCH, 4 * 1024);
        assertThat(accepted).as("all requests accepted while Kafka is down").hasSize(BATCH);
        assertHealthWhileKafkaIsDown();
        env.stack("up", "kafka");

        report("kafka stopped while accepting", thread, accepted, Duration.ofSeconds(180));
        assertHealthOnceKafkaIsBack();
    }

    /**
     * ADR 0016: the API stays ready (and live), its outbox-relay group is DOWN with the backlog in its data, and the
     * worker, which cannot work without Kafka, is not ready.
     */
    private static void assertHealthWhileKafkaIsDown() throws Exception {
        HttpResponse<String> apiReady = env.health(env.baseUrl(), "/q/health/ready");
        System.out.printf("fault: kafka down: API /q/health/ready %d %s%n", apiReady.statusCode(), compact(apiReady));
        assertThat(apiReady.statusCode()).as(apiReady.body()).isEqualTo(200);
        HttpResponse<String> apiLive = env.health(env.baseUrl(), "/q/health/live");
        assertThat(apiLive.statusCode()).as(apiLive.body()).isEqualTo(200);

        // The backlog in the data is the gauges' last refresh (every ARTIFACTS_OUTBOX_BACKLOG_POLL_EVERY, 15 s).
        AtomicReference<HttpResponse<String>> relay = new AtomicReference<>();
        await("API outbox-relay group DOWN with the backlog").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    relay.set(env.health(env.baseUrl(), "/q/health/group/outbox-relay"));
                    return relay.get().statusCode() == 503
                            && relayData(relay.get()).path("unsent_rows").asLong() >= BATCH;
                });
        System.out.printf("fault: kafka down: API /q/health/group/outbox-relay %d %s%n", relay.get().statusCode(),
                compact(relay.get()));
        JsonNode data = relayData(relay.get());
        assertThat(data.path("kafka_reachable").asBoolean(true)).as("kafka_reachable").isFalse();
        assertThat(data.has("oldest_unsent_age_seconds")).as("oldest_unsent_age_seconds").isTrue();

        AtomicReference<HttpResponse<String>> workerReady = new AtomicReference<>();
        await("worker not ready without Kafka").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    workerReady.set(env.health(env.workerUrl(), "/q/health/ready"));
                    return workerReady.get().statusCode() == 503;
                });
        System.out.printf("fault: kafka down: worker /q/health/ready %d %s%n", workerReady.get().statusCode(),
                compact(workerReady.get()));
    }

    /** Both come back by themselves: the relay group once the backlog is sent, the worker once Kafka answers. */
    private static void assertHealthOnceKafkaIsBack() throws Exception {
        AtomicReference<HttpResponse<String>> relay = new AtomicReference<>();
        await("API outbox-relay group UP again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    relay.set(env.health(env.baseUrl(), "/q/health/group/outbox-relay"));
                    return relay.get().statusCode() == 200;
                });
        System.out.printf("fault: kafka back: API /q/health/group/outbox-relay %d %s%n", relay.get().statusCode(),
                compact(relay.get()));
        assertThat(relayData(relay.get()).path("kafka_reachable").asBoolean()).as("kafka_reachable").isTrue();
        AtomicReference<HttpResponse<String>> workerReady = new AtomicReference<>();
        await("worker ready again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            workerReady.set(env.health(env.workerUrl(), "/q/health/ready"));
            return workerReady.get().statusCode() == 200;
        });
        System.out.printf("fault: kafka back: worker /q/health/ready %d %s%n", workerReady.get().statusCode(),
                compact(workerReady.get()));
        HttpResponse<String> apiReady = env.health(env.baseUrl(), "/q/health/ready");
        assertThat(apiReady.statusCode()).as(apiReady.body()).isEqualTo(200);
    }

    private static JsonNode relayData(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).at("/checks/0/data");
    }

    private static String compact(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).toString();
        } catch (Exception e) {
            return response.body();
        }
    }

    @Test
    @Order(2)
    void givenWorkerKilledMidBatch_everyJobStillEndsOnce() throws Exception {
        String thread = "worker-sigkill";
        env.killWorker();
        List<String> accepted = generate(thread, BATCH, 64 * 1024);
        env.startWorker();
        int readyAtKill;
        try {
            await("some jobs done before the kill").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(50)).until(() -> countReady(thread) >= 5);
        } finally {
            readyAtKill = countReady(thread);
            env.killWorker();
            env.startWorker();
        }
        System.out.printf("fault: worker killed with SIGKILL when %d of %d were ready, then restarted%n",
                readyAtKill, BATCH);
        assertThat(readyAtKill).as("killed in the middle of the batch").isLessThan(BATCH);

        report("worker SIGKILL mid-batch", thread, accepted, Duration.ofSeconds(180));
    }

    @Test
    @Order(3)
    void givenPostgresRestartedUnderLoad_apiAnswers503ThenRecoversWithoutRestart() throws Exception {
        String thread = "postgres-restart";
        AtomicBoolean loading = new AtomicBoolean(true);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> badErrors = new ArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        AtomicInteger sequence = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            workers.add(load.submit(() -> {
                while (loading.get()) {
                    int n = sequence.incrementAndGet();
                    try {
                        HttpResponse<String> response = n % 2 == 0
                                ? env.get("/v1/spaces/" + FaultEnvironment.SPACE + "/artifacts?limit=5")
                                : env.postJson(generatePath(), body(thread, n, 1024));
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 202) {
                            accepted.add(JSON.readTree(response.body()).at("/artifact/id").asText());
                        } else if (response.statusCode() >= 500 && !isUnavailableProblem(response)) {
                            synchronized (badErrors) {
                                badErrors.add(response.statusCode() + " " + response.headers().map() + " " + response.body());
                            }
                        }
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(2000);
        env.stack("down", "postgres");
        await("the API answers 503 while PostgreSQL is down").atMost(Duration.ofSeconds(30))
                .until(() -> statuses.containsKey(503));
        Thread.sleep(3000);
        env.stack("up", "postgres");
        int okBefore = statuses.getOrDefault(200, new AtomicInteger()).get();
        await("the API recovers by itself").atMost(Duration.ofSeconds(60))
                .until(() -> statuses.getOrDefault(200, new AtomicInteger()).get() > okBefore + 5);
        loading.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        load.shutdown();
        System.out.printf("fault: statuses during the PostgreSQL restart: %s%n", statuses);
        assertThat(badErrors).as("every 5xx is a 503 problem+json with Retry-After").isEmpty();

        report("PostgreSQL restarted under load", thread, new ArrayList<>(accepted), Duration.ofSeconds(180));
    }

    @Test
    @Order(4)
    void givenS3DownWhileJobsRun_jobsRetryAndSucceedOnceItIsBack() throws Exception {
        String thread = "s3-outage";
        env.killWorker();
        List<String> accepted = generate(thread, BATCH / 2, 8 * 1024);
        env.stack("down", "s3");
        env.startWorker(false);
        List<String> watched = accepted.subList(0, 10);
        await("jobs fail transiently while S3 is down").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (String id : watched) {
                        JsonNode job = JSON.readTree(env.get(artifactPath(id) + "/jobs").body()).get("data").get(0);
                        if (job.path("error").path("code").asText().equals("storage_unavailable")) {
                            return true;
                        }
                    }
                    return false;
                });
        env.stack("up", "s3");

        int retried = report("S3 stopped while jobs run", thread, accepted, Duration.ofSeconds(180));
        assertThat(retried).as("jobs that needed another attempt").isPositive();
        int failed = (int) listAll(thread).stream().filter(a -> a.get("status").asText().equals("failed")).count();
        assertThat(failed).as("jobs failed for a transient reason while attempts remained").isZero();
    }

    @Test
    @Order(5)
    void givenPoisonAndUnknownSpaceMessages_bothAreDeadLetteredAndTheNextRequestIsProcessed() throws Exception {
        String requestsTopic = "artifacts.generation-requests.v1";
        String deadLetterTopic = "artifacts.generation-requests.dlq.v1";
        String unknownSpace = UUID.randomUUID().toString();
        String validRequest = "contract-" + UUID.randomUUID();
        byte[] content = "produced by another service".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.appEnvironment().get("ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS"),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            String key = "contract-test";
            producer.send(new ProducerRecord<>(requestsTopic, key, "{ this is not json")).get();
            producer.send(new ProducerRecord<>(requestsTopic, key, external("lost-" + UUID.randomUUID(), unknownSpace,
                    content))).get();
            producer.send(new ProducerRecord<>(requestsTopic, key, external(validRequest, FaultEnvironment.SPACE,
                    content))).get();
        }

        String artifactId = AcceptExternalGenerationRequestService
                .artifactIdFor(SpaceId.parse(FaultEnvironment.SPACE), validRequest).toString();
        await("the valid request after the poison is processed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    HttpResponse<String> response = env.get(artifactPath(artifactId));
                    return response.statusCode() == 200
                            && JSON.readTree(response.body()).get("status").asText().equals("ready");
                });
        HttpResponse<byte[]> download = env.download(artifactPath(artifactId) + "/download");
        assertThat(download.body()).isEqualTo(content);

        Map<String, Integer> reasons = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.appEnvironment().get("ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS"),
                ConsumerConfig.GROUP_ID_CONFIG, "fault-dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(deadLetterTopic));
            await("both bad messages on the dead-letter topic").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header reason = record.headers().lastHeader("dlq_reason");
                    if (reason != null) {
                        reasons.merge(new String(reason.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
                return reasons.containsKey("unreadable_message") && reasons.containsKey("unknown_space");
            });
        }
        System.out.printf("fault: dead letters by reason %s; the external request after them became ready (%s)%n",
                reasons, artifactId);
    }

    /** A request as the AsyncAPI contract describes it for producers other than the API. */
    private static String external(String requestId, String space, byte[] content) throws Exception {
        return JSON.writeValueAsString(Map.of("schema_version", 1, "request_id", requestId, "space_id", space,
                "name", "from-kafka.txt", "type", "text", "thread_ids", List.of("external"),
                "content_base64", Base64.getEncoder().encodeToString(content)));
    }

    private static boolean isUnavailableProblem(HttpResponse<String> response) {
        return response.statusCode() == 503
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && response.headers().firstValue("Retry-After").isPresent()
                && response.body().contains("\"code\":\"database_unavailable\"");
    }

    /** Waits for every accepted artifact to be final, then prints and checks the counts. */
    private static int report(String scenario, String thread, List<String> accepted, Duration within) throws Exception {
        await(scenario + ": all accepted artifacts final").atMost(within).pollInterval(Duration.ofSeconds(1))
                .until(() -> countFinal(thread) >= accepted.size());
        List<JsonNode> listed = listAll(thread);
        // Every request has its own name, so a second artifact with the same name is a duplicate.
        Set<String> listedIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        int ready = 0;
        int duplicates = 0;
        for (JsonNode artifact : listed) {
            listedIds.add(artifact.get("id").asText());
            if (!names.add(artifact.get("name").asText())) {
                duplicates++;
            }
            if (accepted.contains(artifact.get("id").asText()) && artifact.get("status").asText().equals("ready")) {
                ready++;
            }
        }
        int lost = 0;
        int extraJobs = 0;
        int repeatedAttempts = 0;
        int missingObjects = 0;
        for (String id : accepted) {
            if (!listedIds.contains(id)) {
                lost++;
                continue;
            }
            JsonNode jobs = JSON.readTree(env.get(artifactPath(id) + "/jobs").body()).get("data");
            extraJobs += jobs.size() - 1;
            for (JsonNode job : jobs) {
                if (job.get("attempt").asInt() > 1) {
                    repeatedAttempts++;
                }
            }
        }
        Set<String> contentObjects = new HashSet<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)
                .prefix("spaces/" + FaultEnvironment.SPACE + "/artifacts/")).contents()) {
            contentObjects.add(object.key());
        }
        for (String id : accepted) {
            if (!contentObjects.contains("spaces/" + FaultEnvironment.SPACE + "/artifacts/" + id + "/content")) {
                missingObjects++;
            }
        }
        System.out.printf("fault: %s: accepted %d, ready %d, duplicates %d, lost %d"
                        + " (extra jobs %d, jobs retried %d, missing objects %d)%n",
                scenario, accepted.size(), ready, duplicates, lost, extraJobs, repeatedAttempts, missingObjects);
        assertThat(lost).as("lost").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(extraJobs).as("extra jobs").isZero();
        assertThat(ready).as("ready").isEqualTo(accepted.size());
        assertThat(missingObjects).as("artifacts without their content object").isZero();
        return repeatedAttempts;
    }

    private static List<String> generate(String thread, int count, int size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(pool.submit(() -> {
                    HttpResponse<String> response = env.postJson(generatePath(), body(thread, n, size));
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    return JSON.readTree(response.body()).at("/artifact/id").asText();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> call : calls) {
                ids.add(call.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private static String body(String thread, int n, int size) {
        byte[] content = new byte[size];
        new Random(thread.hashCode() * 31L + n).nextBytes(content);
        return "{\"name\":\"" + thread + "-" + n + ".bin\",\"type\":\"data\",\"thread_id\":\"" + thread
                + "\",\"content\":\"" + Base64.getEncoder().encodeToString(content) + "\"}";
    }

    private static int countReady(String thread) throws Exception {
        return (int) listAll(thread).stream().filter(a -> a.get("status").asText().equals("ready")).count();
    }

    private static int countFinal(String thread) throws Exception {
        return (int) listAll(thread).stream()
                .filter(a -> Set.of("ready", "failed").contains(a.get("status").asText())).count();
    }

    private static List<JsonNode> listAll(String thread) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/v1/spaces/" + FaultEnvironment.SPACE + "/artifacts?limit=100&thread_id=" + thread
                    + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> response = env.get(path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.get("data").forEach(all::add);
            cursor = page.get("has_more").asBoolean() ? page.get("next_cursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    private static String generatePath() {
        return "/v1/spaces/" + FaultEnvironment.SPACE + "/artifacts/generate";
    }

    private static String artifactPath(String id) {
        return "/v1/spaces/" + FaultEnvironment.SPACE + "/artifacts/" + id;
    }
}
