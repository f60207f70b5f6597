package com.aimabledocs.artifacts.adapters.rest.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production topology's drills (issue: "drills that lose nothing"): the packaged API and worker on a private
 * stack of three Kafka brokers (replication factor 3, min.insync.replicas 2) and a PostgreSQL primary with a
 * synchronous streaming standby (ports 28432/28433, 28092/28102/28112, 28000). One broker that leads partitions is
 * SIGKILLed during a burst of generates; then the PostgreSQL primary is killed and the standby promoted during load.
 * Each drill prints what an operator would want to know, copied into docs/operations.md ("Drills").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationDrillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST = Integer.getInteger("artifacts.drill.burst", 300);
    private static final String REQUESTS = "artifacts.generation-requests.v1";
    private static final String EVENTS = "artifacts.events.v1";

    private static FaultEnvironment env;

    @BeforeAll
    static void startTheReplicatedStack() throws Exception {
        env = new FaultEnvironment("drill", "28432", "28092", "28093", "28000",
                Map.of("STACK_KAFKA_BROKERS", "3", "STACK_POSTGRES_STANDBY", "1"));
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(REQUESTS, 3, (short) 3), new NewTopic(EVENTS, 3, (short) 3)))
                    .all().get(60, TimeUnit.SECONDS);
        }
        env.startApi();
        env.startWorker();
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    @Order(1)
    void aBrokerLeadingPartitionsIsKilledDuringABurst_nothingIsLostOrRunTwiceAndTheApiNeverFails() throws Exception {
        String thread = "broker-drill";
        int leader;
        int led;
        try (Admin admin = admin()) {
            TopicDescription requests = admin.describeTopics(List.of(REQUESTS)).allTopicNames().get().get(REQUESTS);
            leader = requests.partitions().get(0).leader().id();
            led = (int) requests.partitions().stream().map(TopicPartitionInfo::leader)
                    .filter(node -> node != null && node.id() == leader).count();
        }
        List<Long> acceptedAt = Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong slowest = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            int n = i;
            calls.add(pool.submit(() -> {
                long sent = System.nanoTime();
                HttpResponse<String> response = env.postJson(generatePath(), body(thread, n));
                slowest.accumulateAndGet(System.nanoTime() - sent, Math::max);
                statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() == 202) {
                    accepted.add(JSON.readTree(response.body()).at("/artifact/id").asText());
                    acceptedAt.add(System.nanoTime());
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= BURST / 5);
        env.stack("kill", "kafka-" + leader);
        long killedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= BURST * 4 / 5 || statuses.size() > 1);
        Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - killedAt) / 1_000_000));
        env.stack("start", "kafka-" + leader);
        for (Future<?> call : calls) {
            call.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long pause = longestGap(start, acceptedAt);

        Outcome outcome = awaitOutcome(accepted, Duration.ofMinutes(4));
        System.out.printf("drill: broker kafka-%d (leader of %d of 3 request partitions) SIGKILLed during %d generates, "
                        + "restarted after ~10 s: accepted %d, ready %d, duplicates %d, lost %d, 5xx %d "
                        + "(statuses %s); longest pause in acceptance %d ms, slowest generate %d ms%n",
                leader, led, BURST, accepted.size(), outcome.ready(), outcome.duplicates(), outcome.lost(),
                fiveHundreds(statuses), statuses, pause, slowest.get() / 1_000_000);
        assertThat(accepted).as("every generate accepted").hasSize(BURST);
        assertThat(fiveHundreds(statuses)).as("5xx answers").isZero();
        assertThat(outcome.ready()).as("accepted artifacts that ended ready").isEqualTo(BURST);
        assertThat(outcome.duplicates()).as("jobs run more than once").isZero();
        assertThat(outcome.lost()).isZero();
    }

    @Test
    @Order(2)
    void thePrimaryIsKilledAndTheStandbyPromotedUnderLoad_503OnlyInAWindowThenEveryAcknowledgedRequestEndsReady()
            throws Exception {
        String thread = "failover-drill";
        AtomicBoolean loading = new AtomicBoolean(true);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> badAnswers = Collections.synchronizedList(new ArrayList<>());
        AtomicLong first503 = new AtomicLong();
        AtomicLong last503 = new AtomicLong();
        AtomicLong firstAcceptedAfterFailover = new AtomicLong();
        AtomicLong failoverAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> loaders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            loaders.add(load.submit(() -> {
                while (loading.get()) {
                    int n = sequence.incrementAndGet();
                    try {
                        HttpResponse<String> response = env.postJson(generatePath(), body(thread, n));
                        long now = System.nanoTime();
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 202) {
                            accepted.add(JSON.readTree(response.body()).at("/artifact/id").asText());
                            long outage = first503.get();
                            if (outage != 0 && now > outage) {
                                firstAcceptedAfterFailover.compareAndSet(0, now); // the first 202 after the outage began
                            }
                        } else if (isUnavailableProblem(response)) {
                            first503.compareAndSet(0, now);
                            last503.set(now);
                            Thread.sleep(200);
                        } else {
                            badAnswers.add(response.statusCode() + " " + response.body());
                        }
                    } catch (java.io.IOException e) {
                        statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3000);
        int acceptedBefore = accepted.size();
        failoverAt.set(System.nanoTime());
        env.stack("failover", "postgres");
        long promotedAt = System.nanoTime();
        await("a generate accepted after the outage").atMost(Duration.ofSeconds(90))
                .until(() -> firstAcceptedAfterFailover.get() != 0
                        || first503.get() == 0 && System.nanoTime() - promotedAt > 15_000_000_000L);
        Thread.sleep(5000);
        loading.set(false);
        for (Future<?> loader : loaders) {
            loader.get(1, TimeUnit.MINUTES);
        }
        load.shutdown();

        Outcome outcome = awaitOutcome(accepted, Duration.ofMinutes(4));
        long recovery = firstAcceptedAfterFailover.get() == 0 ? 0
                : (firstAcceptedAfterFailover.get() - failoverAt.get()) / 1_000_000;
        long window = first503.get() == 0 ? 0 : (last503.get() - first503.get()) / 1_000_000;
        System.out.printf("drill: PostgreSQL primary SIGKILLed, standby promoted under load: accepted %d "
                        + "(%d before the failover), ready %d, duplicates %d, lost %d; 503 database_unavailable "
                        + "answers %d over %d ms, other errors %d; recovery %d ms from the failover command to the "
                        + "first 202 after the outage (the command, kill and promotion, took %d ms)%n",
                accepted.size(), acceptedBefore, outcome.ready(), outcome.duplicates(), outcome.lost(),
                statuses.getOrDefault(503, new AtomicInteger()).get(), window, badAnswers.size(), recovery,
                (promotedAt - failoverAt.get()) / 1_000_000);
        assertThat(badAnswers).as("answers other than 202 and 503 database_unavailable with Retry-After").isEmpty();
        assertThat(outcome.ready()).as("acknowledged requests that ended ready").isEqualTo(accepted.size());
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.duplicates()).isZero();
        assertThat(recovery).as("recovery without a restart").isLessThan(60_000);
    }

    /** How the accepted artifacts ended, read from the database (the multi-host URL finds the primary). */
    private record Outcome(int ready, int duplicates, int lost) {
    }

    private static Outcome awaitOutcome(List<String> accepted, Duration within) {
        List<String> ids = List.copyOf(accepted);
        await("every accepted artifact final").atMost(within).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> count(ids, "a.status in ('ready', 'failed')") >= ids.size());
        try {
            int ready = count(ids, "a.status = 'ready'");
            int present = count(ids, "true");
            int runTwice = count(ids, "exists (select 1 from jobs j where j.artifact_id = a.id "
                    + "and (j.attempt <> 1 or (select count(*) from jobs k where k.artifact_id = a.id) <> 1))");
            return new Outcome(ready, runTwice, ids.size() - present);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(List<String> ids, String condition) throws Exception {
        Map<String, String> app = env.appEnvironment();
        try (Connection db = DriverManager.getConnection(app.get("ARTIFACTS_DB_URL"), app.get("ARTIFACTS_DB_USER"),
                app.get("ARTIFACTS_DB_PASSWORD"));
             PreparedStatement query = db.prepareStatement(
                     "select count(*) from artifacts a where a.id = any(?::uuid[]) and " + condition)) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The longest time without an acceptance, from the first request on. */
    private static long longestGap(long start, List<Long> acceptedAt) {
        List<Long> times = new ArrayList<>(acceptedAt);
        Collections.sort(times);
        long previous = start;
        long longest = 0;
        for (long t : times) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        return longest / 1_000_000;
    }

    private static int fiveHundreds(Map<Integer, AtomicInteger> statuses) {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(e -> e.getValue().get()).sum();
    }

    private static boolean isUnavailableProblem(HttpResponse<String> response) {
        return response.statusCode() == 503
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && response.headers().firstValue("Retry-After").isPresent()
                && response.body().contains("\"code\":\"database_unavailable\"");
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                env.appEnvironment().get("ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS")));
    }

    private static String generatePath() {
        return "/v1/spaces/" + FaultEnvironment.SPACE + "/artifacts/generate";
    }

    private static String body(String thread, int n) {
        String content = Base64.getEncoder().encodeToString((thread + " " + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "{\"name\":\"" + thread + "-" + n + ".txt\",\"type\":\"document\",\"thread_id\":\"" + thread
                + "\",\"content\":\"" + content + "\"}";
    }
}
