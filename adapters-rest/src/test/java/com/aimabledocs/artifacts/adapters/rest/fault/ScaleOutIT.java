package com.aimabledocs.artifacts.adapters.rest.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.adapters.rest.fault.FaultEnvironment.Instance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scale-out on one machine: two packaged APIs and two packaged workers (distinct instance IDs) on a private
 * stack (ports 27432/27092/27093/27000, apart from the fault tests'). One generate request is one trace
 * across API, outbox, Kafka and worker; a burst spread over both APIs is processed by both workers, each
 * job once, and the outbox relays (every replica runs one over the shared outbox table) publish each request
 * once; with a webhook endpoint registered, the two workers' dispatchers deliver each artifact.ready once to a
 * healthy receiver, signed so that the Standard Webhooks reference library accepts it; a worker stopped with SIGTERM
 * hands back the jobs it holds, and the other worker finishes them well within a lease.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final int BURST = Integer.getInteger("artifacts.scale-out.burst", 200);
    private static final String TOPIC = "artifacts.generation-requests.v1";

    private static FaultEnvironment env;
    private static Instance api1;
    private static Instance api2;
    private static Instance worker1;
    private static Instance worker2;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ADMIN_KEY = "adm_scale_0123456789abcdef0123456789abcdef";
    private static WebhookSink sink;

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        env = new FaultEnvironment("scale-out", "27432", "27092", "27093", "27000");
        env.setAppEnv("ARTIFACTS_LOG_JSON", "true"); // production's log format: MDC fields as JSON fields
        env.setAppEnv("ARTIFACTS_ADMIN_KEY_SHA256", sha256Hex(ADMIN_KEY));
        env.setAppEnv("ARTIFACTS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true"); // the receiver is on 127.0.0.1
        env.setAppEnv("ARTIFACTS_WEBHOOKS_ENCRYPTION_KEY", "c2NhbGUtb3V0LXRlc3Qtd2ViaG9vay1rZXktMzItYnk=");
        sink = new WebhookSink();
        createRequestsTopic(3);
        api1 = env.startInstance("api-1", false, Map.of());
        api2 = env.startInstance("api-2", false, Map.of("ARTIFACTS_DB_MIGRATE_AT_START", "false"));
        worker1 = env.startInstance("worker-1", true, Map.of("ARTIFACTS_WORKER_INSTANCE_ID", "scale-worker-1"));
        worker2 = env.startInstance("worker-2", true, Map.of("ARTIFACTS_WORKER_INSTANCE_ID", "scale-worker-2"));
        // let the consumer group settle with both members before the burst
        await("both workers assigned partitions").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> assigned(worker1) > 0 && assigned(worker2) > 0);
    }

    @AfterAll
    static void stop() {
        if (sink != null) {
            sink.close();
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    @Order(1)
    void oneGenerateRequest_isOneTrace_fromTheApiThroughTheOutboxAndKafkaToTheWorker() throws Exception {
        String traceId = HexFormatHolder.random(16);
        String traceparent = "00-" + traceId + "-" + HexFormatHolder.random(8) + "-01";
        HttpResponse<String> accepted = generate(api1, "traced.txt", traceparent);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String jobId = field(accepted.body(), "job", "id");
        awaitJobsSucceeded(1, "id = '" + jobId + "'");

        await("the worker's log line of the job").atMost(Duration.ofSeconds(10))
                .until(() -> !linesWith(worker1, traceId).isEmpty() || !linesWith(worker2, traceId).isEmpty());
        List<String> apiLines = linesWith(api1, traceId);
        List<String> workerLines = new ArrayList<>(linesWith(worker1, traceId));
        workerLines.addAll(linesWith(worker2, traceId));
        System.out.printf("trace %s of job %s:%n  api:    %s%n  worker: %s%n", traceId, jobId,
                String.join("\n          ", apiLines), String.join("\n          ", workerLines));
        assertThat(apiLines).anySatisfy(line -> assertThat(line).contains("generation accepted").contains(jobId));
        assertThat(workerLines).anySatisfy(line -> assertThat(line).contains("succeeded").contains(jobId)
                .contains("\"job_id\":\"" + jobId + "\""));
    }

    @Test
    @Order(2)
    void aBurstOverTwoApis_isProcessedByBothWorkers_eachJobOnce_eachRequestPublishedOnce() throws Exception {
        registerWebhookEndpoint();
        long before = countJobs("true");
        int[] acceptedBy = new int[2];
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int which = i % 2;
                int n = i;
                calls.add(pool.submit(() -> generate(which == 0 ? api1 : api2, "burst-" + n + ".txt", null).statusCode()));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get()).as("generate %d", i).isEqualTo(202);
                acceptedBy[i % 2]++;
            }
        } finally {
            pool.shutdown();
        }
        long total = before + BURST;
        awaitJobsSucceeded(total, "true");

        long notFirstAttempt = countJobs("attempt <> 1");
        double succeeded1 = metric(worker1, "artifacts_worker_jobs_finished_total", "status=\"succeeded\"");
        double succeeded2 = metric(worker2, "artifacts_worker_jobs_finished_total", "status=\"succeeded\"");
        // every replica, workers included, relays from the one outbox table: the rows are shared out among them
        double relayedApi1 = relayed(api1);
        double relayedApi2 = relayed(api2);
        double relayedWorkers = relayed(worker1) + relayed(worker2);
        Map<String, Integer> published = publishedJobIds();
        long duplicates = published.values().stream().filter(n -> n > 1).count();

        System.out.printf("scale-out: api1=%d api2=%d, worker1=%.0f worker2=%.0f, duplicates=%d "
                        + "(requests relayed by api1=%.0f api2=%.0f workers=%.0f; on the topic %d distinct jobs for %d jobs; "
                        + "jobs with attempt > 1: %d; partitions=%d)%n",
                acceptedBy[0], acceptedBy[1], succeeded1, succeeded2, duplicates, relayedApi1, relayedApi2,
                relayedWorkers, published.size(), total, notFirstAttempt, partitions());

        assertThat(succeeded1).as("jobs worker 1 processed").isPositive();
        assertThat(succeeded2).as("jobs worker 2 processed").isPositive();
        assertThat(succeeded1 + succeeded2).as("each job processed by exactly one worker, once").isEqualTo(total);
        assertThat(notFirstAttempt).as("jobs that needed a second attempt").isZero();
        assertThat(published).as("requests published, by job").hasSize((int) total);
        assertThat(duplicates).as("requests published twice").isZero();
        assertThat(relayedApi1 + relayedApi2 + relayedWorkers).as("requests relayed, by every relay together")
                .isEqualTo(total);

        await("an artifact.ready webhook per artifact of the burst").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> sink.ofType("artifact.ready") >= BURST);
        Thread.sleep(2000); // anything sent twice would arrive now
        double sent1 = metric(worker1, "artifacts_webhook_attempts_total", "outcome=\"2xx\"");
        double sent2 = metric(worker2, "artifacts_webhook_attempts_total", "outcome=\"2xx\"");
        System.out.printf("scale-out webhooks: artifact.ready received=%d for %d artifacts, duplicates=%d, "
                        + "signatures refused=%d; delivered by worker1=%.0f worker2=%.0f%n",
                sink.ofType("artifact.ready"), BURST, sink.duplicates(), sink.refused(), sent1, sent2);
        assertThat(sink.ofType("artifact.ready")).as("artifact.ready deliveries").isEqualTo(BURST);
        assertThat(sink.duplicates()).as("webhook-ids delivered twice to a healthy receiver").isZero();
        assertThat(sink.refused()).as("deliveries whose signature the reference library refused").isZero();
        assertThat(sent1 + sent2).as("2xx attempts of both dispatchers").isEqualTo(BURST);
    }

    /** Registers the sink for artifact.ready (admin credential); from now on, each new artifact.ready is owed to it. */
    private static void registerWebhookEndpoint() throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(api1.url() + "/v1/spaces/" + FaultEnvironment.SPACE + "/webhook-endpoints"))
                .header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"url\": \"" + sink.url() + "\", \"event_types\": [\"artifact.ready\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher secret = Pattern.compile("\"secret\":\"(whsec_[^\"]+)\"").matcher(created.body());
        assertThat(secret.find()).as(created.body()).isTrue();
        sink.verifyWith(secret.group(1));
    }

    private static String sha256Hex(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @Order(3)
    void bothServices_exposeTheOperatorsMetrics() throws Exception {
        String api = HTTP.send(HttpRequest.newBuilder(URI.create(api1.url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String worker = HTTP.send(HttpRequest.newBuilder(URI.create(worker1.url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(api).contains("http_server_requests_seconds_count{", "artifacts_outbox_unsent_rows ",
                "artifacts_outbox_oldest_unsent_age_seconds ", "artifacts_outbox_sent_total{",
                "artifacts_storage_bytes_written_total ");
        assertThat(worker).contains("artifacts_worker_jobs_finished_total{", "artifacts_worker_job_duration_seconds_bucket{",
                "artifacts_worker_job_processing_seconds_bucket{", "kafka_consumer_fetch_manager_records_lag_max{",
                "artifacts_outbox_unsent_rows ", "artifacts_storage_bytes_written_total ");
        worker.lines().filter(l -> l.startsWith("artifacts_worker_jobs_finished_total")
                        || l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")
                        || l.startsWith("artifacts_storage_bytes_written_total") || l.startsWith("artifacts_outbox_"))
                .forEach(l -> System.out.println("worker-1 metric: " + l));
    }

    /**
     * Kafka security settings come from KAFKA_* variables (KAFKA_SECURITY_PROTOCOL=SASL_SSL, KAFKA_SASL_MECHANISM,
     * KAFKA_SASL_JAAS_CONFIG, KAFKA_SSL_TRUSTSTORE_LOCATION, …), which this plaintext stack cannot accept: a
     * worker told KAFKA_SECURITY_PROTOCOL=SSL must lose the broker (readiness DOWN for kafka), which shows the
     * variable reached its clients, the readiness check's admin client included.
     */
    @Test
    @Order(5)
    void kafkaSecuritySettings_comeFromKafkaVariables() throws Exception {
        Instance tls = env.startInstance("worker-ssl", true, Map.of("KAFKA_SECURITY_PROTOCOL", "SSL"), false);
        try {
            HttpRequest ready = HttpRequest.newBuilder(URI.create(tls.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build();
            await("the SSL worker's readiness").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> HTTP.send(ready, HttpResponse.BodyHandlers.ofString()).body()
                            .matches("(?s).*\"name\"\\s*:\\s*\"kafka\",\\s*\"status\"\\s*:\\s*\"DOWN\".*"));
            String body = HTTP.send(ready, HttpResponse.BodyHandlers.ofString()).body();
            System.out.println("worker with KAFKA_SECURITY_PROTOCOL=SSL against a plaintext broker: "
                    + body.replaceAll("\\s+", " "));
        } finally {
            tls.process().destroyForcibly();
        }
    }

    /**
     * SIGTERM to a worker while jobs flow: it stops within the shutdown timeout (Quarkus logs "stopped in"),
     * and every job still ends succeeded: what it finished is recorded, what it still held after its grace is
     * handed back and run by the other worker (the next test measures that).
     */
    @Test
    @Order(4)
    void aWorkerStoppedWithSigterm_shutsDownInTime_andNoJobIsLost() throws Exception {
        long before = countJobs("true");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                int n = i;
                calls.add(pool.submit(() -> generate(n % 2 == 0 ? api1 : api2, "sigterm-" + n + ".txt", null).statusCode()));
            }
            Thread.sleep(300);
            long signalled = System.nanoTime();
            worker2.process().destroy(); // SIGTERM
            boolean exited = worker2.process().waitFor(40, java.util.concurrent.TimeUnit.SECONDS);
            long tookMs = (System.nanoTime() - signalled) / 1_000_000;
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(202);
            }
            awaitJobsSucceeded(before + calls.size(), "true");
            System.out.printf("sigterm: worker 2 exited=%s in %d ms (exit %s); all %d jobs succeeded, %d with attempt > 1%n",
                    exited, tookMs, exited ? worker2.process().exitValue() : "-", before + calls.size(),
                    countJobs("attempt <> 1"));
            assertThat(exited).as("worker 2 exited within the shutdown timeout").isTrue();
            assertThat(Files.readString(worker2.log())).contains("stopped in");
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The gain of a graceful stop, measured: a third worker whose object store stalls (a {@link StallingProxy} in
     * front of S3) claims jobs and cannot finish them; on SIGTERM it waits its grace
     * ({@code ARTIFACTS_WORKER_SHUTDOWN_GRACE}, 5 s by default) and hands each job back. The other worker finishes
     * every one of them well before their leases (30 s) would have expired, and as their first attempt: the
     * attempt handed back is not counted.
     */
    @Test
    @Order(6)
    void aWorkerStoppedWithSigterm_handsBackTheJobsItHolds_andTheOtherWorkerFinishesThemWellWithinTheLease()
            throws Exception {
        long leaseMs = Duration.ofSeconds(30).toMillis(); // ARTIFACTS_WORKER_LEASE_DURATION's default, not overridden here
        int s3Port = URI.create(env.appEnvironment().get("ARTIFACTS_S3_ENDPOINT")).getPort();
        try (StallingProxy slowStore = new StallingProxy(s3Port)) {
            Instance stopping = env.startInstance("worker-3", true, Map.of("ARTIFACTS_WORKER_INSTANCE_ID", "scale-worker-3",
                    "ARTIFACTS_S3_ENDPOINT", slowStore.url()));
            await("worker 3 assigned partitions beside worker 1").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> assigned(stopping) > 0 && assigned(worker1) > 0);
            slowStore.stall();
            long before = countJobs("true");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    calls.add(pool.submit(() -> generate(n % 2 == 0 ? api1 : api2, "handback-" + n + ".txt", null)
                            .statusCode()));
                }
                for (Future<Integer> call : calls) {
                    assertThat(call.get()).isEqualTo(202);
                }
            } finally {
                pool.shutdown();
            }
            String heldByStopping = "status = 'running' and lease_owner = 'scale-worker-3'";
            await("worker 3 holding jobs it cannot finish").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> countJobs(heldByStopping) > 0);
            Thread.sleep(1000); // each of its consumers on a record of its own
            List<String> held = jobIds(heldByStopping);

            long signalled = System.nanoTime();
            stopping.process().destroy(); // SIGTERM
            String heldIds = held.stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","));
            await("the jobs worker 3 held, finished by worker 1").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> countJobs("status = 'succeeded' and id in (" + heldIds + ")") == held.size());
            long finishedMs = (System.nanoTime() - signalled) / 1_000_000;
            boolean exited = stopping.process().waitFor(40, java.util.concurrent.TimeUnit.SECONDS);
            awaitJobsSucceeded(before + 24, "true");

            System.out.printf("graceful stop: %d jobs handed back, finished by the other worker in %d ms (lease %d ms); "
                            + "worker 3 exited=%s%n", held.size(), finishedMs, leaseMs, exited);
            assertThat(exited).as("worker 3 exited within the shutdown timeout").isTrue();
            assertThat(linesWith(stopping, "handed back " + held.size() + " jobs")).as("worker 3's log").hasSize(1);
            assertThat(countJobs("id in (" + heldIds + ") and (attempt <> 1 or error_code is not null)"))
                    .as("jobs handed back that used a second attempt or carry an error").isZero();
            assertThat(finishedMs).as("from SIGTERM until the other worker finished them").isLessThan(leaseMs / 2);
        }
    }

    private static List<String> jobIds(String where) throws SQLException {
        Map<String, String> app = env.appEnvironment();
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(app.get("ARTIFACTS_DB_URL"), app.get("ARTIFACTS_DB_USER"),
                app.get("ARTIFACTS_DB_PASSWORD"));
             ResultSet rows = db.createStatement().executeQuery("select id from jobs where " + where)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static HttpResponse<String> generate(Instance api, String name, String traceparent)
            throws IOException, InterruptedException {
        String content = Base64.getEncoder().encodeToString(("scale-out " + name).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(api.url() + "/v1/spaces/" + FaultEnvironment.SPACE + "/artifacts/generate"))
                .header("X-API-Key", FaultEnvironment.API_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"" + name + "\", \"type\": \"text\", \"content\": \"" + content + "\"}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitJobsSucceeded(long expected, String where) {
        await(expected + " jobs succeeded").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> countJobs("status = 'succeeded' and (" + where + ")") >= expected);
    }

    private static long countJobs(String where) throws SQLException {
        Map<String, String> app = env.appEnvironment();
        try (Connection db = DriverManager.getConnection(app.get("ARTIFACTS_DB_URL"), app.get("ARTIFACTS_DB_USER"),
                app.get("ARTIFACTS_DB_PASSWORD"));
             ResultSet rows = db.createStatement().executeQuery("select count(*) from jobs where " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every generation request on the topic from its beginning, counted by job ID. */
    private static Map<String, Integer> publishedJobIds() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.appEnvironment().get("ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS"));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "scale-out-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Integer> counts = new HashMap<>();
        Pattern jobId = Pattern.compile("\"job_id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, String> record : records) {
                    Matcher m = jobId.matcher(record.value());
                    if (m.find()) {
                        counts.merge(m.group(1), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static void createRequestsTopic(int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                env.appEnvironment().get("ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS")))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(TOPIC, partitions, (short) 1)))
                        .all().get();
            }
        }
    }

    private static int partitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                env.appEnvironment().get("ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS")))) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
        }
    }

    private static double relayed(Instance instance) throws IOException, InterruptedException {
        return metric(instance, "artifacts_outbox_sent_total", "topic=\"" + TOPIC + "\"");
    }

    /** Partitions of the requests topic assigned to a worker's consumers, from the Kafka client metrics. */
    private static double assigned(Instance worker) throws IOException, InterruptedException {
        return metric(worker, "kafka_consumer_coordinator_assigned_partitions", "");
    }

    /** The sum of a metric's samples whose labels contain {@code labelFilter}, from the Prometheus endpoint. */
    private static double metric(Instance instance, String name, String labelFilter) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(instance.url() + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                if (labelFilter.isEmpty() || line.contains(labelFilter)) {
                    // "name{labels} value" possibly followed by " # {exemplar} value timestamp"
                    String afterLabels = line.substring(line.indexOf('}') + 1).trim();
                    sum += Double.parseDouble(afterLabels.split(" ")[0]);
                }
            }
        }
        return sum;
    }

    private static List<String> linesWith(Instance instance, String text) throws IOException {
        return Files.readAllLines(instance.log()).stream().filter(line -> line.contains(text)).toList();
    }

    /** A field of a nested JSON object in the answer, e.g. {@code job.id}, without a JSON library. */
    private static String field(String json, String object, String field) {
        Matcher m = Pattern.compile("\"" + object + "\"\\s*:\\s*\\{[^}]*?\"" + field + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(json);
        assertThat(m.find()).as("%s.%s in %s", object, field, json).isTrue();
        return m.group(1);
    }

    private static final class HexFormatHolder {

        static String random(int bytes) {
            byte[] b = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(b);
            return java.util.HexFormat.of().formatHex(b);
        }
    }
}
