package com.aimabledocs.artifacts.adapters.messaging;

import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.GENERATION_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox end to end: {@link OutboxGenerationRequestPublisher} appends in the caller's
 * transaction, {@link OutboxDirectSender} sends committed rows to the real Kafka broker of the test stack right
 * after the commit and {@link OutboxSentMarker} marks them sent; {@link OutboxRelay} sends what that missed. A plain {@link KafkaConsumer} reads the topic the way a worker would.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    private static KafkaConsumer<String, String> consumer;
    private static final ConcurrentLinkedQueue<ConsumerRecord<String, String>> received = new ConcurrentLinkedQueue<>();

    @Inject
    GenerationRequestPublisher publisher;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    MessagingConfig config;

    @Inject
    Tracer tracer;

    @BeforeAll
    static void subscribe() throws Exception {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = ConfigProvider.getConfig().getValue("artifacts.messaging.generation-requests-topic", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-relay-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    @AfterAll
    static void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Test
    void givenCommittedPublishes_relay_sendsEachOnceAndMarksItsRowSent() throws Exception {
        SpaceId space = SpaceId.of(UUID.randomUUID());
        List<GenerationRequest> requests = IntStream.range(0, 5).mapToObj(i -> request(space, i)).toList();
        List<String> keys = requests.stream().map(r -> r.artifactId().toString()).toList();

        unitOfWork.inTransaction(() -> requests.forEach(publisher::publish));

        await().atMost(DELIVERY).pollInterval(Duration.ZERO).until(() -> {
            poll();
            return keys.stream().allMatch(key -> !recordsWithKey(key).isEmpty());
        });
        pollFor(Duration.ofMillis(500));
        for (GenerationRequest request : requests) {
            List<ConsumerRecord<String, String>> records = recordsWithKey(request.artifactId().toString());
            assertThat(records).as("messages of artifact %s", request.artifactId()).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(record.topic()).isEqualTo(config.generationRequestsTopic());
            assertThat(header(record, "event_type")).isEqualTo("generation_requested");
            assertThat(header(record, "outbox_id")).matches("[0-9]+");
            assertThat(json.readValue(record.value(), GenerationRequestMessage.class).toDomain()).isEqualTo(request);
        }
        await().atMost(DELIVERY).untilAsserted(() -> {
            List<?> unsent = unitOfWork.inTransaction(() -> entityManager.createNativeQuery(
                    "select id from outbox where message_key in (:keys) and sent_at is null")
                    .setParameter("keys", keys).getResultList());
            assertThat(unsent).isEmpty();
        });
        long rows = unitOfWork.inTransaction(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox where message_key in (:keys) and sent_at is not null")
                .setParameter("keys", keys).getSingleResult()).longValue());
        assertThat(rows).isEqualTo(5);
    }

    /**
     * The trace context of the transaction that appended the row travels with it: stored in the row, sent
     * as the record's {@code traceparent} header (same trace, the publishing span as parent), however much
     * later and from whichever thread the relay sends it. A row written outside any span carries none.
     */
    @Test
    void givenAnActiveSpan_publish_carriesItsTraceContextToTheRecordHeaders() {
        SpaceId space = SpaceId.of(UUID.randomUUID());
        GenerationRequest traced = request(space, 0);
        GenerationRequest untraced = request(space, 1);
        Span span = tracer.spanBuilder("test generate").startSpan();
        try (Scope scope = span.makeCurrent()) {
            unitOfWork.inTransaction(() -> publisher.publish(traced));
        } finally {
            span.end();
        }
        unitOfWork.inTransaction(() -> publisher.publish(untraced));

        await().atMost(DELIVERY).pollInterval(Duration.ZERO).until(() -> {
            poll();
            return !recordsWithKey(traced.artifactId().toString()).isEmpty()
                    && !recordsWithKey(untraced.artifactId().toString()).isEmpty();
        });
        String traceparent = header(recordsWithKey(traced.artifactId().toString()).get(0), "traceparent");
        assertThat(traceparent).isEqualTo("00-" + span.getSpanContext().getTraceId() + "-"
                + span.getSpanContext().getSpanId() + "-01");
        assertThat(header(recordsWithKey(untraced.artifactId().toString()).get(0), "traceparent")).isNull();
        String stored = unitOfWork.inTransaction(() -> (String) entityManager.createNativeQuery(
                        "select trace_context::text from outbox where message_key = :key")
                .setParameter("key", traced.artifactId().toString()).getSingleResult());
        assertThat(stored).contains(span.getSpanContext().getTraceId());
    }

    /**
     * A request published in a transaction that rolls back never reaches Kafka. A request committed after
     * it is awaited as a marker: the relay sends in commit order, so once the marker arrived the relay
     * has had every chance to send the rolled-back one.
     */
    @Test
    void givenRolledBackPublish_relay_neverSendsIt() {
        SpaceId space = SpaceId.of(UUID.randomUUID());
        GenerationRequest rolledBack = request(space, 0);
        GenerationRequest marker = request(space, 1);

        try {
            unitOfWork.inTransaction(() -> {
                publisher.publish(rolledBack);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the outbox row went with the transaction
        }
        unitOfWork.inTransaction(() -> publisher.publish(marker));

        await().atMost(DELIVERY).pollInterval(Duration.ZERO).until(() -> {
            poll();
            return !recordsWithKey(marker.artifactId().toString()).isEmpty();
        });
        pollFor(Duration.ofSeconds(1));
        assertThat(recordsWithKey(rolledBack.artifactId().toString())).isEmpty();
        long rows = unitOfWork.inTransaction(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox where message_key = :key")
                .setParameter("key", rolledBack.artifactId().toString()).getSingleResult()).longValue());
        assertThat(rows).isZero();
    }

    /**
     * The safety net: a row that no committing thread sent (here written straight into the table, as if its process
     * crashed between commit and send) is left alone for the grace period ({@code direct-grace}, 2 s in these
     * tests) and then sent and marked sent by the relay.
     */
    @Test
    void givenARowTheCommittingThreadNeverSent_relay_sendsItAfterTheGracePeriod() throws Exception {
        GenerationRequest missed = request(SpaceId.of(UUID.randomUUID()), 0);
        String key = missed.artifactId().toString();
        String payload = json.writeValueAsString(GenerationRequestMessage.from(missed));
        unitOfWork.inTransaction(() -> entityManager.createNativeQuery("""
                        insert into outbox (topic, message_key, event_type, payload, created_at)
                        values (:topic, :key, 'generation_requested', cast(:payload as jsonb), now())""")
                .setParameter("topic", config.generationRequestsTopic())
                .setParameter("key", key)
                .setParameter("payload", payload)
                .executeUpdate());
        long written = System.nanoTime();

        await().atMost(DELIVERY).pollInterval(Duration.ZERO).until(() -> {
            poll();
            return !recordsWithKey(key).isEmpty();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - written)).as("left to its writer for the grace period")
                .isGreaterThanOrEqualTo(config.relay().directGrace().minusMillis(100));
        assertThat(recordsWithKey(key)).hasSize(1);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(unitOfWork.inTransaction(() ->
                entityManager.createNativeQuery("select id from outbox where message_key = :key and sent_at is null")
                        .setParameter("key", key).getResultList())).isEmpty());
    }

    /** Every record read from the topic, this test's or not, must conform to docs/asyncapi.yaml. */
    private static void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            AsyncApiContract.get().assertConforms(GENERATION_REQUESTS, record);
            received.add(record);
        });
    }

    private static void pollFor(Duration duration) {
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            poll();
        }
    }

    private static List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static GenerationRequest request(SpaceId space, int i) {
        ArtifactId artifact = ArtifactId.of(UUID.randomUUID());
        JobId job = JobId.of(UUID.randomUUID());
        Optional<Sha256> digest = i % 2 == 0
                ? Optional.of(new Sha256("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"))
                : Optional.empty();
        return new GenerationRequest(job, artifact, space, ObjectKey.contentOf(space, artifact), digest,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
