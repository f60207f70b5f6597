package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.sha256Hex;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.uniqueThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference workflow across both services: this test's API (the {@code @QuarkusTest} app) and the
 * packaged worker ({@code worker/target/quarkus-app/quarkus-run.jar}) as a child process, against the
 * real test stack. generate → job succeeded → metadata → lists with each filter → download, byte for byte.
 */
@QuarkusTest
class ReferenceWorkflowEndToEndTest {

    private static final Path WORKER_APP = Path.of("..", "worker", "target", "quarkus-app");
    private static final Path WORKER_JAR = WORKER_APP.resolve("quarkus-run.jar");
    /** A private copy of the packaged worker, so that a rebuild of the worker during the test cannot touch it. */
    private static final Path WORKER_COPY = Path.of("target", "worker-e2e-app");
    private static final Path WORKER_LOG = Path.of("target", "worker-e2e.log");
    /** A fixed group: each run consumes only what earlier runs left on the tests' topic. */
    private static final String WORKER_GROUP = "artifacts-worker-adapters-rest-e2e";

    private static Process worker;
    private static Thread killOnExit;

    @Inject
    TestFixtures fixtures;

    @BeforeAll
    static void startWorker() throws IOException {
        assertThat(WORKER_JAR).as("""
                the packaged worker is missing (%s); build it first: \
                ./mvnw -q -B install -DskipTests -pl worker -am (./test runs verify, which packages the worker \
                before adapters-rest's tests)""".formatted(WORKER_JAR.toAbsolutePath().normalize())).isRegularFile();
        copyWorker();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(WORKER_LOG.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", WORKER_COPY.resolve("quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(WORKER_LOG.toFile()));
        builder.environment().putAll(workerEnvironment(port));
        worker = builder.start();
        killOnExit = new Thread(() -> worker.destroyForcibly(), "worker-e2e-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        await("worker ready on port " + port + " (log: " + WORKER_LOG.toAbsolutePath() + ")")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(worker.isAlive()).as("worker exited with %s; see %s", worker.isAlive() ? null
                            : worker.exitValue(), WORKER_LOG.toAbsolutePath()).isTrue();
                    try {
                        return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static void copyWorker() throws IOException {
        if (Files.exists(WORKER_COPY)) {
            try (Stream<Path> old = Files.walk(WORKER_COPY)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> files = Files.walk(WORKER_APP)) {
            for (Path source : files.toList()) {
                Path target = WORKER_COPY.resolve(WORKER_APP.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * The ARTIFACTS_* variables of this JVM pass through; what they leave unset comes from the API's own
     * resolved configuration, which points at the test stack. The worker reads this suite's topic.
     */
    private static Map<String, String> workerEnvironment(int port) {
        Config config = ConfigProvider.getConfig();
        Map<String, String> env = new HashMap<>();
        env.put("ARTIFACTS_DB_URL", config.getValue("quarkus.datasource.jdbc.url", String.class));
        env.put("ARTIFACTS_DB_USER", config.getValue("quarkus.datasource.username", String.class));
        env.put("ARTIFACTS_DB_PASSWORD", config.getValue("quarkus.datasource.password", String.class));
        env.put("ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS", config.getValue("kafka.bootstrap.servers", String.class));
        env.put("ARTIFACTS_S3_ENDPOINT", config.getValue("quarkus.s3.endpoint-override", String.class));
        env.put("ARTIFACTS_S3_BUCKET", config.getValue("artifacts.storage.bucket", String.class));
        env.put("ARTIFACTS_S3_REGION", config.getValue("quarkus.s3.aws.region", String.class));
        env.put("ARTIFACTS_S3_ACCESS_KEY",
                config.getValue("quarkus.s3.aws.credentials.static-provider.access-key-id", String.class));
        env.put("ARTIFACTS_S3_SECRET_KEY",
                config.getValue("quarkus.s3.aws.credentials.static-provider.secret-access-key", String.class));
        env.put("ARTIFACTS_WORKER_GROUP_ID", WORKER_GROUP);
        env.put("ARTIFACTS_WORKER_RETRY_BASE", "200ms");
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("ARTIFACTS_")) {
                env.put(name, value);
            }
        });
        // Not overridable: the worker must read the topic this API writes to, and listen where we look.
        env.put("ARTIFACTS_GENERATION_REQUESTS_TOPIC",
                config.getValue("artifacts.messaging.generation-requests-topic", String.class));
        env.put("ARTIFACTS_DEAD_LETTER_TOPIC",
                config.getValue("artifacts.messaging.generation-requests-topic", String.class) + ".dlq");
        env.put("ARTIFACTS_WORKER_HTTP_HOST", "127.0.0.1");
        env.put("ARTIFACTS_WORKER_HTTP_PORT", Integer.toString(port));
        env.put("ARTIFACTS_DB_MIGRATE_AT_START", "false");
        return env;
    }

    @AfterAll
    static void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.destroy();
            if (!worker.waitFor(15, TimeUnit.SECONDS)) {
                worker.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
    }

    @Test
    void givenGeneratedArtifact_workerStoresIt_andItIsListedAndDownloadable() {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        String base = artifactsPath(space.spaceId());
        byte[] bytes = new byte[300 * 1024];
        new Random(42).nextBytes(bytes);
        String sha256 = sha256Hex(bytes);
        String t1 = uniqueThread("t1");
        String t2 = uniqueThread("t2");

        // 1. generate
        Response accepted = as(space.apiKey()).contentType("application/json")
                .body(generateBody("New Artifact.bin", "document", bytes, Map.of("thread_ids", List.of(t1, t2))))
                .post(base + "/generate");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String id = accepted.jsonPath().getString("artifact.id");
        String jobId = accepted.jsonPath().getString("job.id");
        assertThat(accepted.header("Location")).endsWith(base + "/" + id);

        // 2. the worker runs the job
        await("job " + jobId + " succeeded (worker log: " + WORKER_LOG.toAbsolutePath() + ")")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonPath jobs = as(space.apiKey()).get(base + "/" + id + "/jobs").then().statusCode(200)
                            .extract().jsonPath();
                    assertThat(jobs.getList("data.id", String.class)).containsExactly(jobId);
                    assertThat(jobs.getString("data[0].status")).as(jobs.prettify()).isNotEqualTo("failed")
                            .isEqualTo("succeeded");
                });
        JsonPath job = as(space.apiKey()).get(base + "/" + id + "/jobs").jsonPath();
        assertThat(job.getInt("data[0].attempt")).isGreaterThanOrEqualTo(1);
        assertThat(job.getString("data[0].started_at")).isNotNull();
        assertThat(job.getString("data[0].finished_at")).isNotNull();
        assertThat(job.getString("data[0].error")).isNull();

        // 3. metadata
        JsonPath artifact = as(space.apiKey()).get(base + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(artifact.getString("status")).isEqualTo("ready");
        assertThat(artifact.getLong("size_bytes")).isEqualTo(bytes.length);
        assertThat(artifact.getString("sha256")).isEqualTo(sha256);
        assertThat(artifact.getList("thread_ids", String.class)).containsExactly(t1, t2);
        assertThat(artifact.getString("name")).isEqualTo("New Artifact.bin");
        assertThat(artifact.getString("document_type")).isEqualTo("document");
        String mediaType = artifact.getString("media_type");
        assertThat(mediaType).isNotBlank();

        // 4. lists: each filter finds it, a non-matching one excludes it
        for (Map<String, String> filter : List.of(Map.of("thread_id", t1), Map.of("thread_id", t2),
                Map.of("document_type", "document"), Map.of("status", "ready"),
                Map.of("thread_id", t1, "document_type", "document", "status", "ready"))) {
            JsonPath page = as(space.apiKey()).queryParams(filter).get(base).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("data.id", String.class)).as("filter %s", filter).containsExactly(id);
            assertThat(page.getString("data[0].sha256")).isEqualTo(sha256);
        }
        for (Map<String, String> filter : List.of(Map.of("status", "pending"), Map.of("document_type", "image"),
                Map.of("thread_id", uniqueThread("other")), Map.of("thread_id", t1, "status", "failed"))) {
            JsonPath page = as(space.apiKey()).queryParams(filter).get(base).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("data")).as("filter %s", filter).isEmpty();
        }

        // 5. download, byte for byte, with its headers
        Response download = as(space.apiKey()).get(base + "/" + id + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.asByteArray()).isEqualTo(bytes);
        assertThat(download.header("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(download.contentType()).startsWith(mediaType);
        assertThat(download.header("Content-Disposition")).startsWith("attachment")
                .contains("filename=\"New Artifact.bin\"")
                .contains("filename*=UTF-8''New%20Artifact.bin");
        String etag = "\"" + sha256 + "\"";
        assertThat(download.header("ETag")).isEqualTo(etag);
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

        // 6. conditional download
        Response notModified = as(space.apiKey()).header("If-None-Match", etag).get(base + "/" + id + "/download");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(notModified.asByteArray()).isEmpty();
        Response otherTag = as(space.apiKey()).header("If-None-Match", "\"" + "0".repeat(64) + "\"")
                .get(base + "/" + id + "/download");
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(otherTag.asByteArray()).isEqualTo(bytes);
    }
}
