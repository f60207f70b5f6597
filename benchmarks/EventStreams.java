/*
 * ./bench's client for scenario 7, the event streams (GET /v1/spaces/{space}/events, Server-Sent Events). Compiled
 * by ./bench with javac against the kafka-clients jar the local broker ships (like GenerateLoad.java); two modes.
 *
 *   java -cp "$W/classes:.stack/lib/kafka/*" EventStreams idle --api http://127.0.0.1:18080 --space ID --key KEY \
 *        --streams 5000 --control FILE [--concurrency 200] [--open-timeout-seconds 180]
 *
 * idle: opens STREAMS streams of the space on plain NIO sockets (one thread, one selector; at most CONCURRENCY of
 * them connecting or waiting for their answer at a time), checks that each answered 200 and sent its opening
 * "retry:" line, prints "BENCH opened=.. ok=.. non200=.. no_retry=.. failed=.. open_ms=..", then holds them all
 * (reading and dropping whatever comes: heartbeats) until FILE exists, prints "BENCH still_open=..", closes them
 * and exits. ./bench reads the API's RSS and CPU in between. The process needs STREAMS + a few open files.
 *
 *   java ... EventStreams latency --api URL --space ID --key KEY --bootstrap HOST:PORT --topic artifacts.events.v1 \
 *        --events 200 [--size 1024] [--warmup 5] [--jitter-ms 250]
 *
 * latency: one stream of the space (types=job.succeeded; JDK HttpClient) and a consumer of the Kafka events topic
 * from its end (as GenerateLoad.java); posts generate requests one at a time, each after a random pause of
 * 0..JITTER ms (so that the commits fall at random points of the API's journal poll, not in step with it), and
 * waits until the job's job.succeeded arrived on both. Per job it prints "SAMPLE sse_ms=.. kafka_ms=..
 * kafka_hop_ms=..": the arrival on the stream and on Kafka minus the event's occurred_at (stamped by the worker
 * just before its commit, microseconds, the same machine clock), and the arrival on Kafka minus the record's
 * timestamp (set by the outbox relay's producer, milliseconds): Kafka's own produce→consume of the same record.
 * Then "BENCH samples=.. missed=.. errors=.. sse_p50_ms=.. ..." for the log; the report computes its percentiles
 * from the samples.
 */
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

public class EventStreams {

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || !(argv[0].equals("idle") || argv[0].equals("latency"))) {
            System.err.println("usage: EventStreams idle|latency --api URL --space ID --key KEY ...");
            System.exit(2);
        }
        Map<String, String> a = new HashMap<>();
        for (int i = 1; i < argv.length; i++) {
            String k = argv[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= argv.length || argv[i + 1].startsWith("--");
            a.put(k, flag ? "true" : argv[++i]);
        }
        if (argv[0].equals("idle")) {
            idle(a);
        } else {
            latency(a);
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ idle streams

    /** One stream's socket: waiting for its answer, open, or done with (failed, refused or closed). */
    private static final class Conn {
        final SocketChannel channel;
        final long startedNanos = System.nanoTime();
        StringBuilder head = new StringBuilder();
        boolean open;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private static void idle(Map<String, String> a) throws IOException, InterruptedException {
        URI api = URI.create(a.get("api"));
        int n = Integer.parseInt(a.getOrDefault("streams", "5000"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "200"));
        long openTimeoutNanos = Long.parseLong(a.getOrDefault("open-timeout-seconds", "180")) * 1_000_000_000L;
        Path control = Path.of(a.get("control"));
        InetSocketAddress address = new InetSocketAddress(api.getHost(), api.getPort());
        byte[] request = ("GET /v1/spaces/" + a.get("space") + "/events HTTP/1.1\r\n"
                + "Host: " + api.getHost() + ":" + api.getPort() + "\r\n"
                + "X-API-Key: " + a.get("key") + "\r\n"
                + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        Selector selector = Selector.open();
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        List<Conn> conns = new ArrayList<>(n);
        Map<String, Integer> statuses = new TreeMap<>();
        String[] firstError = {null};
        int started = 0, waiting = 0, ok = 0, non200 = 0, noRetry = 0, failed = 0;
        long t0 = System.nanoTime();
        while (ok + non200 + noRetry + failed < n) {
            while (started < n && waiting < concurrency) {
                started++;
                SocketChannel ch = null;
                try {
                    ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    Conn c = new Conn(ch);
                    conns.add(c);
                    if (ch.connect(address)) {
                        ch.write(ByteBuffer.wrap(request));
                        ch.register(selector, SelectionKey.OP_READ, c);
                    } else {
                        ch.register(selector, SelectionKey.OP_CONNECT, c);
                    }
                    waiting++;
                } catch (IOException e) {
                    failed++;
                    remember(firstError, e);
                    closeQuietly(ch);
                }
            }
            selector.select(200);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Conn c = (Conn) key.attachment();
                try {
                    if (key.isConnectable()) {
                        c.channel.finishConnect();
                        ByteBuffer req = ByteBuffer.wrap(request);
                        while (req.hasRemaining()) {
                            c.channel.write(req); // a few hundred bytes into an empty socket buffer
                        }
                        key.interestOps(SelectionKey.OP_READ);
                        continue;
                    }
                    if (!key.isReadable()) {
                        continue;
                    }
                    buffer.clear();
                    int read = c.channel.read(buffer);
                    if (c.open) { // an open stream: drop what comes (heartbeats); the server closing it is counted later
                        if (read < 0) {
                            c.open = false;
                            key.cancel();
                            closeQuietly(c.channel);
                        }
                        continue;
                    }
                    if (read < 0) {
                        throw new IOException("closed by the server before the stream started: " + firstLine(c.head));
                    }
                    buffer.flip();
                    c.head.append(StandardCharsets.ISO_8859_1.decode(buffer));
                    int end = c.head.indexOf("\r\n\r\n");
                    if (end < 0) {
                        continue;
                    }
                    String status = firstLine(c.head);
                    String[] parts = status.split(" ");
                    String code = parts.length > 1 ? parts[1] : "?";
                    if (!code.equals("200")) {
                        statuses.merge(code, 1, Integer::sum);
                        non200++;
                        waiting--;
                        key.cancel();
                        closeQuietly(c.channel);
                        c.head = null;
                        continue;
                    }
                    String body = c.head.substring(end + 4); // chunked: a size line first, then "retry: 3000"
                    if (body.startsWith("retry:") || body.contains("\nretry:")) {
                        statuses.merge(code, 1, Integer::sum);
                        ok++;
                        waiting--;
                        c.open = true;
                        c.head = null;
                    } else if (c.head.length() > 16384) {
                        noRetry++;
                        waiting--;
                        key.cancel();
                        closeQuietly(c.channel);
                        c.head = null;
                    }
                } catch (IOException e) {
                    failed++;
                    waiting--;
                    remember(firstError, e);
                    key.cancel();
                    closeQuietly(c.channel);
                    c.head = null;
                }
            }
            if (System.nanoTime() - t0 > openTimeoutNanos) { // whatever still waits has failed
                for (Conn c : conns) {
                    if (!c.open && c.head != null && c.channel.isOpen()) {
                        failed++;
                        closeQuietly(c.channel);
                        c.head = null;
                    }
                }
                failed += n - started;
                remember(firstError, new IOException("not open after the open timeout"));
                break;
            }
        }
        long openMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("BENCH opened=%d ok=%d non200=%d no_retry=%d failed=%d open_ms=%d statuses=%s first_error=%s%n",
                n, ok, non200, noRetry, failed, openMs, statuses.toString().replace(' ', ','),
                firstError[0] == null ? "none" : firstError[0].replace(' ', '_'));
        System.out.flush();

        long holdUntil = System.nanoTime() + 3_600_000_000_000L; // at most an hour, if ./bench never says
        while (!Files.exists(control) && System.nanoTime() < holdUntil) {
            selector.select(100);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Conn c = (Conn) key.attachment();
                if (!c.open || !key.isReadable()) {
                    continue;
                }
                buffer.clear();
                try {
                    if (c.channel.read(buffer) < 0) {
                        c.open = false;
                        key.cancel();
                        closeQuietly(c.channel);
                    }
                } catch (IOException e) {
                    c.open = false;
                    key.cancel();
                    closeQuietly(c.channel);
                }
            }
        }
        int stillOpen = 0;
        for (Conn c : conns) {
            if (c.open) {
                stillOpen++;
            }
            closeQuietly(c.channel);
        }
        selector.close();
        System.out.printf("BENCH still_open=%d closed_by_server=%d%n", stillOpen, ok - stillOpen);
    }

    private static String firstLine(CharSequence s) {
        String text = s.toString();
        int eol = text.indexOf("\r\n");
        return eol < 0 ? text : text.substring(0, eol);
    }

    private static void remember(String[] first, Exception e) {
        if (first[0] == null) {
            first[0] = e.toString();
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ------------------------------------------------------------------ event latency

    private static final Pattern JOB_ID = Pattern.compile("\"job_id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern SUCCEEDED = Pattern.compile("\"event_type\"\\s*:\\s*\"job\\.succeeded\"");
    private static final Pattern OCCURRED = Pattern.compile("\"occurred_at\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** An event's arrival: when it came, its occurred_at, and the Kafka record's timestamp (ms; -1 on the stream). */
    record Arrival(Instant at, Instant occurred, long recordTimestampMs) {
    }

    private static final Map<String, CompletableFuture<Arrival>> SSE = new ConcurrentHashMap<>();
    private static final Map<String, CompletableFuture<Arrival>> KAFKA = new ConcurrentHashMap<>();

    private static CompletableFuture<Arrival> arrival(Map<String, CompletableFuture<Arrival>> side, String jobId) {
        return side.computeIfAbsent(jobId, k -> new CompletableFuture<>());
    }

    private static void latency(Map<String, String> a) throws Exception {
        String api = a.get("api"), space = a.get("space"), key = a.get("key");
        int events = Integer.parseInt(a.getOrDefault("events", "200"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));
        int size = Integer.parseInt(a.getOrDefault("size", "1024"));
        int jitterMs = Integer.parseInt(a.getOrDefault("jitter-ms", "250"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        // the stream: its reader stamps each job.succeeded when its data line arrives
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                                URI.create(api + "/v1/spaces/" + space + "/events?types=job.succeeded"))
                        .header("X-API-Key", key).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        if (stream.statusCode() != 200) {
            System.err.println("GET …/events answered " + stream.statusCode());
            System.exit(2);
        }
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            String event = null;
            String data = null;
            Instant at = null;
            Iterator<String> lines = stream.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("retry:")) {
                    started.countDown();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    at = Instant.now();
                    data = line.substring(5).trim();
                } else if (line.isEmpty()) {
                    if ("job.succeeded".equals(event) && data != null) {
                        Matcher job = JOB_ID.matcher(data);
                        Matcher occurred = OCCURRED.matcher(data);
                        if (job.find() && occurred.find()) {
                            arrival(SSE, job.group(1)).complete(new Arrival(at, Instant.parse(occurred.group(1)), -1));
                        }
                    }
                    event = null;
                    data = null;
                }
            }
        }, "stream");
        reader.setDaemon(true);
        reader.start();
        if (!started.await(30, TimeUnit.SECONDS)) {
            System.err.println("the stream sent no retry: line in 30 s");
            System.exit(2);
        }

        byte[] content = new byte[size];
        new Random(42).nextBytes(content);
        String b64 = Base64.getEncoder().encodeToString(content);
        URI generate = URI.create(api + "/v1/spaces/" + space + "/artifacts/generate");

        // one job first: proves the pipeline and the stream, and has the events topic exist for the consumer
        String first = post(http, generate, key, b64);
        if (first == null) {
            System.err.println("the first generate request failed");
            System.exit(2);
        }
        arrival(SSE, first).get(120, TimeUnit.SECONDS);

        KafkaConsumer<String, String> consumer = eventsConsumer(a.get("bootstrap"), a.get("topic"));
        AtomicBoolean stop = new AtomicBoolean();
        Thread poller = new Thread(() -> {
            while (!stop.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                Instant at = Instant.now();
                for (ConsumerRecord<String, String> r : records) {
                    String v = r.value();
                    if (v == null || !SUCCEEDED.matcher(v).find()) {
                        continue;
                    }
                    Matcher job = JOB_ID.matcher(v);
                    Matcher occurred = OCCURRED.matcher(v);
                    if (job.find() && occurred.find()) {
                        arrival(KAFKA, job.group(1)).complete(new Arrival(at, Instant.parse(occurred.group(1)), r.timestamp()));
                    }
                }
            }
            consumer.close();
        }, "events");
        poller.start();

        Random random = new Random();
        List<double[]> samples = new ArrayList<>();
        int missed = 0, errors = 0;
        for (int i = 0; i < warmup + events; i++) {
            Thread.sleep(jitterMs > 0 ? random.nextInt(jitterMs) : 0);
            String job = post(http, generate, key, b64);
            if (job == null) {
                errors++;
                continue;
            }
            Arrival sse, kafka;
            try {
                sse = arrival(SSE, job).get(60, TimeUnit.SECONDS);
                kafka = arrival(KAFKA, job).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                missed++;
                continue;
            }
            if (i < warmup) {
                continue;
            }
            double sseMs = micros(sse.occurred(), sse.at()) / 1000.0;
            double kafkaMs = micros(kafka.occurred(), kafka.at()) / 1000.0;
            double hopMs = micros(Instant.ofEpochMilli(kafka.recordTimestampMs()), kafka.at()) / 1000.0;
            samples.add(new double[] {sseMs, kafkaMs, hopMs});
            System.out.printf("SAMPLE job=%s sse_ms=%.3f kafka_ms=%.3f kafka_hop_ms=%.3f%n", job, sseMs, kafkaMs, hopMs);
        }
        stop.set(true);
        poller.join();
        System.out.printf("BENCH samples=%d missed=%d errors=%d sse_p50_ms=%.3f sse_p99_ms=%.3f kafka_p50_ms=%.3f"
                        + " kafka_p99_ms=%.3f kafka_hop_p50_ms=%.3f kafka_hop_p99_ms=%.3f%n",
                samples.size(), missed, errors, pct(samples, 0, 50), pct(samples, 0, 99), pct(samples, 1, 50),
                pct(samples, 1, 99), pct(samples, 2, 50), pct(samples, 2, 99));
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    /** POSTs one generate request; its job's ID, or null. */
    private static String post(HttpClient http, URI generate, String key, String b64) {
        String body = "{\"name\":\"bench-stream-" + UUID.randomUUID() + ".bin\",\"type\":\"data\","
                + "\"media_type\":\"application/octet-stream\",\"thread_ids\":[\"bench-streams\"],\"content\":\"" + b64 + "\"}";
        try {
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(generate).timeout(Duration.ofSeconds(60))
                    .header("X-API-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String b = resp.body();
            int job = b.indexOf("\"job\"");
            Matcher m = ID.matcher(b);
            if (resp.statusCode() != 202 || job < 0 || !m.find(job)) {
                System.err.println("POST answered " + resp.statusCode() + ": " + b);
                return null;
            }
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            System.err.println("POST failed: " + e);
            return null;
        }
    }

    /** Nearest-rank percentile of column col. */
    private static double pct(List<double[]> samples, int col, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>();
        for (double[] s : samples) {
            v.add(s[col]);
        }
        Collections.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.size());
        return v.get(Math.max(0, Math.min(v.size() - 1, rank - 1)));
    }

    /** Reads every partition of the events topic from its current end (only events of this run count). */
    private static KafkaConsumer<String, String> eventsConsumer(String bootstrap, String topic) throws InterruptedException {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("fetch.max.wait.ms", "100");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        List<TopicPartition> parts = new ArrayList<>();
        long until = System.nanoTime() + 30_000_000_000L;
        while (parts.isEmpty()) {
            for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(10))) {
                parts.add(new TopicPartition(topic, info.partition()));
            }
            if (parts.isEmpty()) {
                if (System.nanoTime() > until) {
                    System.err.println("topic " + topic + " has no partitions");
                    System.exit(2);
                }
                Thread.sleep(500);
            }
        }
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position); // resolve the end offsets now, before the first request is sent
        return c;
    }
}
