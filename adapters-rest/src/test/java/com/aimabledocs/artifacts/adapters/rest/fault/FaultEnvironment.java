package com.aimabledocs.artifacts.adapters.rest.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private, disposable system for fault tests: its own PostgreSQL, Kafka and s3proxy (deploy/local/stack
 * with its own directory and ports, so stopping them never disturbs other tests), and the packaged API
 * and worker as real processes that a test can kill with SIGKILL and start again.
 */
final class FaultEnvironment implements AutoCloseable {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final String SPACE = "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f";
    static final String API_KEY = "ak_fault_0123456789abcdef0123456789abcdef";
    private static final Path API_JAR = REPO.resolve("adapters-rest/target/quarkus-app/quarkus-run.jar");
    private static final Path WORKER_JAR = REPO.resolve("worker/target/quarkus-app/quarkus-run.jar");

    private final Map<String, String> stackEnv = new HashMap<>();
    private final Map<String, String> appEnv = new HashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process api;
    private Process worker;
    private int apiPort;
    private int workerPort;
    private int workerStarts;

    FaultEnvironment(String name) {
        this(name, System.getProperty("artifacts.fault.pg-port", "26432"),
                System.getProperty("artifacts.fault.kafka-port", "26092"),
                System.getProperty("artifacts.fault.kafka-controller-port", "26093"),
                System.getProperty("artifacts.fault.s3-port", "26000"));
    }

    /** A private stack on the given ports (another test class's stack may run beside it on its own ports). */
    FaultEnvironment(String name, String pgPort, String kafkaPort, String kafkaControllerPort, String s3Port) {
        this(name, pgPort, kafkaPort, kafkaControllerPort, s3Port, Map.of());
    }

    /**
     * The same with a topology of deploy/local/stack ({@code STACK_KAFKA_BROKERS=3}, {@code STACK_POSTGRES_STANDBY=1}):
     * the stack's {@code env} then names every host, and the apps reach all of them.
     */
    FaultEnvironment(String name, String pgPort, String kafkaPort, String kafkaControllerPort, String s3Port,
                     Map<String, String> topology) {
        stackEnv.putAll(topology);
        stackEnv.put("STACK_PROFILE", "test");
        stackEnv.put("STACK_DIR", REPO.resolve(".stack/fault-" + name).toString());
        stackEnv.put("STACK_PG_PORT", pgPort);
        stackEnv.put("STACK_KAFKA_PORT", kafkaPort);
        stackEnv.put("STACK_KAFKA_CONTROLLER_PORT", kafkaControllerPort);
        stackEnv.put("STACK_S3_PORT", s3Port);
        assertThat(API_JAR).as("the packaged API (run ./test, which packages before the fault tests)").exists();
        assertThat(WORKER_JAR).as("the packaged worker").exists();
        stack("reset");
        stack("up");
        for (String line : stack("env").split("\n")) {
            if (line.startsWith("export ")) {
                String[] kv = line.substring("export ".length()).split("=", 2);
                appEnv.put(kv[0], kv[1].replaceAll("\\\\(.)", "$1")); // printf %q escapes "," and "?"
            }
        }
        appEnv.put("ARTIFACTS_BOOTSTRAP_SPACE_ID", SPACE);
        appEnv.put("ARTIFACTS_BOOTSTRAP_API_KEY", API_KEY);
        appEnv.put("ARTIFACTS_WORKER_RETRY_BASE", "200ms");
        appEnv.put("ARTIFACTS_WORKER_RETRY_CAP", "2s");
        appEnv.put("ARTIFACTS_WORKER_SWEEP_EVERY", "1s");
        appEnv.put("ARTIFACTS_JOB_MAX_ATTEMPTS", "10");
        // The fault tests poll hard with one key; rate limits are RateLimitApiTest's subject, not theirs.
        appEnv.put("ARTIFACTS_RATE_LIMIT_PER_MINUTE", "1000000");
        // Plain log lines, as these tests read them; a test may ask for JSON (setAppEnv).
        appEnv.put("ARTIFACTS_LOG_JSON", "false");
    }

    /** Sets a variable for every process started from now on. */
    void setAppEnv(String name, String value) {
        appEnv.put(name, value);
    }

    /** A packaged service started by {@link #startInstance}: its process, HTTP port and log file. */
    record Instance(Process process, int port, Path log) {

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** Starts one more API ({@code worker == false}) or worker with these extra variables; waits until ready. */
    Instance startInstance(String name, boolean worker, Map<String, String> extraEnv) {
        return startInstance(name, worker, extraEnv, true);
    }

    /** As above; without waiting for readiness when a dependency is out of reach on purpose. */
    Instance startInstance(String name, boolean worker, Map<String, String> extraEnv, boolean awaitReady) {
        int port = freePort();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put(worker ? "ARTIFACTS_WORKER_HTTP_PORT" : "ARTIFACTS_HTTP_PORT", Integer.toString(port));
        Path log = Path.of("target", "fault-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log");
        Process process = start(name, worker ? WORKER_JAR : API_JAR, env, awaitReady ? port : -1, log);
        return new Instance(process, port, log);
    }

    /** Runs deploy/local/stack against this environment's services and returns what it printed. */
    String stack(String... args) {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("deploy/local/stack").toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(stackEnv);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("stack %s:%n%s", String.join(" ", args), out).isZero();
            if (!args[0].equals("env")) {
                System.out.print(out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void startApi() {
        apiPort = freePort();
        api = start("api", API_JAR, Map.of("ARTIFACTS_HTTP_PORT", Integer.toString(apiPort)), apiPort);
    }

    void startWorker() {
        startWorker(true);
    }

    /** Starts a worker; without waiting for readiness when a dependency is down on purpose. */
    void startWorker(boolean awaitReady) {
        workerPort = freePort();
        worker = start("worker-" + (++workerStarts), WORKER_JAR,
                Map.of("ARTIFACTS_WORKER_HTTP_PORT", Integer.toString(workerPort)), awaitReady ? workerPort : -1);
    }

    /** SIGKILL: the worker gets no chance to finish or commit anything. */
    void killWorker() throws InterruptedException {
        worker.destroyForcibly();
        assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** The last worker {@link #startWorker} started: its health and metrics listener. */
    String workerUrl() {
        return "http://127.0.0.1:" + workerPort;
    }

    /** A health endpoint ({@code /q/health/…}) of the API or a worker, without a key. */
    HttpResponse<String> health(String url, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-API-Key", API_KEY)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-API-Key", API_KEY)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-API-Key", API_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, String> appEnvironment() {
        return Map.copyOf(appEnv);
    }

    private Process start(String name, Path jar, Map<String, String> extraEnv, int port) {
        return start(name, jar, extraEnv, port,
                Path.of("target", "fault-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log"));
    }

    private Process start(String name, Path jar, Map<String, String> extraEnv, int port, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(appEnv);
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            processes.add(process);
            if (port < 0) {
                return process;
            }
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            await(name + " ready (log " + log.toAbsolutePath() + ")").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        assertThat(process.isAlive()).as("%s exited; see %s", name, log.toAbsolutePath()).isTrue();
                        try {
                            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
            return process;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stack("reset");
    }
}
