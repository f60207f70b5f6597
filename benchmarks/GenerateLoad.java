/*
 * ./bench's load client for the generate pipeline (scenarios 4 and 5): what wrk cannot express, because the
 * end of a request is not its HTTP answer but the job's "job.succeeded" lifecycle event on
 * artifacts.events.v1 (README, "Kafka message contract").
 *
 * A single-file program, started from source with the JDK's launcher (no build step, nothing added to the
 * Maven reactor): only java.net.http.HttpClient and the kafka-clients jar the local broker already ships.
 *
 *   java -cp '.stack/lib/kafka/*' benchmarks/GenerateLoad.java \
 *        --api http://127.0.0.1:18080 --space ID --key KEY --bootstrap 127.0.0.1:24092 \
 *        --topic artifacts.events.v1 --size 1024 --users 1 --seconds 10 [--requests N] [--wait] [--idempotency]
 *
 * --wait: each user waits for its job to succeed before it posts again (closed loop over the whole
 * pipeline). Without it, users post as fast as the API answers; after the run the client waits until every
 * accepted job succeeded (drain), so that the next run starts on an idle worker.
 *
 * Prints one line: "BENCH key=value ..." with POST rate, POST latency p50/p99, POST-to-succeeded latency
 * p50/p99, completed jobs per second (jobs that succeeded / time until the last one finished), the jobs that
 * succeeded and errors.
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

public class GenerateLoad {

    private static final Pattern JOB_ID = Pattern.compile("\"job_id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern SUCCEEDED = Pattern.compile("\"event_type\"\\s*:\\s*\"job\\.succeeded\"");
    private static final Pattern FAILED = Pattern.compile("\"event_type\"\\s*:\\s*\"job\\.failed\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** Job ID to the nanoTime its final event arrived (negative: the job failed). Either side may come first. */
    private static final Map<String, CompletableFuture<Long>> FINISHED = new ConcurrentHashMap<>();

    private static CompletableFuture<Long> finished(String jobId) {
        return FINISHED.computeIfAbsent(jobId, k -> new CompletableFuture<>());
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String k = argv[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= argv.length || argv[i + 1].startsWith("--");
            a.put(k, flag ? "true" : argv[++i]);
        }
        String api = a.get("api"), space = a.get("space"), key = a.get("key");
        int size = Integer.parseInt(a.getOrDefault("size", "1024"));
        int users = Integer.parseInt(a.getOrDefault("users", "1"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "10"));
        int maxRequests = Integer.parseInt(a.getOrDefault("requests", "0"));
        boolean wait = a.containsKey("wait");
        boolean idempotency = a.containsKey("idempotency");
        long drainTimeoutMs = Long.parseLong(a.getOrDefault("drain-timeout-ms", "120000"));

        KafkaConsumer<String, String> consumer = eventsConsumer(a.get("bootstrap"), a.get("topic"));
        AtomicBoolean stop = new AtomicBoolean();
        Thread poller = new Thread(() -> {
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String v = r.value();
                    boolean ok = SUCCEEDED.matcher(v).find();
                    if (!ok && !FAILED.matcher(v).find()) {
                        continue;
                    }
                    Matcher m = JOB_ID.matcher(v);
                    if (m.find()) {
                        finished(m.group(1)).complete(ok ? now : -now);
                    }
                }
            }
            consumer.close();
        }, "events");
        poller.start();

        byte[] content = new byte[size];
        new Random(42).nextBytes(content);
        String prefix = "{\"name\":\"bench-%s.bin\",\"type\":\"data\",\"media_type\":\"application/octet-stream\",\"thread_ids\":[\"bench-generate\"],\"content\":\"";
        String b64 = Base64.getEncoder().encodeToString(content);
        URI uri = URI.create(api + "/v1/spaces/" + space + "/artifacts/generate");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        List<long[]> samples = Collections.synchronizedList(new ArrayList<>()); // {postStart, postEnd, jobFuture index}
        List<CompletableFuture<Long>> jobs = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger(), failedJobs = new AtomicInteger(), sent = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline && (maxRequests == 0 || sent.incrementAndGet() <= maxRequests)) {
                    String body = prefix.formatted(UUID.randomUUID()) + b64 + "\"}";
                    HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("X-API-Key", key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body));
                    if (idempotency) {
                        rb.header("Idempotency-Key", "bench-" + UUID.randomUUID());
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (resp.statusCode() != 202) {
                            errors.incrementAndGet();
                            if (errors.get() <= 3) {
                                System.err.println("POST answered " + resp.statusCode() + ": " + resp.body());
                            }
                            continue;
                        }
                        String b = resp.body();
                        Matcher m = ID.matcher(b);
                        int job = b.indexOf("\"job\"");
                        if (job < 0 || !m.find(job)) {
                            errors.incrementAndGet();
                            continue;
                        }
                        CompletableFuture<Long> f = finished(m.group(1));
                        int index;
                        synchronized (jobs) {
                            jobs.add(f);
                            index = jobs.size() - 1;
                        }
                        samples.add(new long[] {t0, t1, index});
                        if (wait) {
                            try {
                                f.get(drainTimeoutMs, TimeUnit.MILLISECONDS);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (errors.get() <= 3) {
                            System.err.println("POST failed: " + e);
                        }
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long postsDone = System.nanoTime();
        // drain: every accepted job must finish
        long lastFinish = postsDone;
        int unfinished = 0;
        long drainDeadline = System.nanoTime() + drainTimeoutMs * 1_000_000L;
        List<Double> postMs = new ArrayList<>(), e2eMs = new ArrayList<>();
        synchronized (samples) {
            for (long[] s : samples) {
                CompletableFuture<Long> f = jobs.get((int) s[2]);
                postMs.add((s[1] - s[0]) / 1e6);
                try {
                    long at = f.get(Math.max(1, drainDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (at < 0) {
                        failedJobs.incrementAndGet();
                        at = -at;
                    } else {
                        e2eMs.add((at - s[0]) / 1e6);
                    }
                    lastFinish = Math.max(lastFinish, at);
                } catch (Exception e) {
                    unfinished++;
                }
            }
        }
        stop.set(true);
        poller.join();
        int accepted = samples.size();
        double postSeconds = (postsDone - start) / 1e9;
        double allSeconds = (lastFinish - start) / 1e9;
        System.out.printf("BENCH accepted=%d post_rps=%.2f post_p50_ms=%.2f post_p99_ms=%.2f e2e_p50_ms=%.2f e2e_p99_ms=%.2f"
                        + " completed_per_s=%.2f succeeded=%d post_seconds=%.2f drain_seconds=%.2f errors=%d failed_jobs=%d unfinished=%d%n",
                accepted, accepted / postSeconds, pct(postMs, 50), pct(postMs, 99), pct(e2eMs, 50), pct(e2eMs, 99),
                e2eMs.size() / allSeconds, e2eMs.size(), postSeconds, (lastFinish - postsDone) / 1e9, errors.get(), failedJobs.get(),
                unfinished);
        System.exit(0);
    }

    /** Nearest-rank percentile. */
    private static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.size());
        return v.get(Math.max(0, Math.min(v.size() - 1, rank - 1)));
    }

    /** Reads every partition of the events topic from its current end (only events of this run count). */
    private static KafkaConsumer<String, String> eventsConsumer(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("fetch.max.wait.ms", "100");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        List<TopicPartition> parts = new ArrayList<>();
        long until = System.nanoTime() + 30_000_000_000L;
        while (parts.isEmpty()) { // the topic appears with the first lifecycle event (./bench posts one first)
            for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(10))) {
                parts.add(new TopicPartition(topic, info.partition()));
            }
            if (parts.isEmpty()) {
                if (System.nanoTime() > until) {
                    System.err.println("topic " + topic + " has no partitions (no lifecycle event yet?)");
                    System.exit(2);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position); // resolve the end offsets now, before the first request is sent
        return c;
    }
}
