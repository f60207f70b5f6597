package com.aimabledocs.artifacts.worker;

import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.DEAD_LETTERS;
import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.GENERATION_REQUESTS;
import static com.aimabledocs.artifacts.worker.WorkerFixtures.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.application.service.AcceptExternalGenerationRequestService;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that other services produce straight to the topic, naming an object they put under
 * {@code incoming/}, against the real test stack: any key S3 allows becomes a ready artifact with the same
 * bytes, a key with a {@code ..} segment is dead-lettered. Every record sent or read is checked against
 * docs/asyncapi.yaml, and so is everything the worker writes meanwhile ({@link ContractWatch}).
 */
@QuarkusTest
@WithTestResource(value = WorkerTestTopic.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExternalGenerationRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ContractWatch watch;

    @Inject
    WorkerFixtures fixtures;
    @Inject
    ObjectStore objects;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "artifacts.messaging.generation-requests-topic")
    String topic;
    @ConfigProperty(name = "artifacts.messaging.dead-letter-topic")
    String deadLetterTopic;

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, byte[]> deadLetters;
    private SpaceId space;

    @BeforeAll
    static void watchWhatTheWorkerWrites() {
        watch = ContractWatch.open();
    }

    @AfterAll
    static void checkTheRest() {
        watch.finish();
    }

    @BeforeEach
    void setUp() {
        assertThat(topic).as("the worker tests keep to their own topics").isEqualTo(WorkerTestTopic.TOPIC);
        producer = TestKafka.producer(bootstrapServers, StringSerializer.class);
        deadLetters = TestKafka.deadLettersFromNow(bootstrapServers, deadLetterTopic);
        space = fixtures.newSpace();
    }

    @AfterEach
    void tearDown() {
        producer.close(Duration.ofSeconds(5));
        deadLetters.close(Duration.ofSeconds(5));
        watch.assertAllConform(Duration.ofMillis(200));
    }

    @Test
    void givenObjectUnderIncomingWithCapitalsDotsAndSpaces_request_makesAReadyArtifactWithTheSameBytes() throws Exception {
        // unique per run: the test stack's bucket outlives the tests
        ObjectKey incoming = ObjectKey.incoming("incoming/Scanner/2026-12/" + UUID.randomUUID() + "/Scan Übersicht.v2.PDF");
        byte[] bytes = new byte[70 * 1024];
        new Random(7).nextBytes(bytes);
        objects.put(incoming, new ByteArrayInputStream(bytes), bytes.length, MediaType.OCTET_STREAM);
        String requestId = "scan-" + UUID.randomUUID();

        send(requestId, request(requestId, incoming.value()));

        JobId jobId = AcceptExternalGenerationRequestService.jobIdFor(space, requestId);
        ArtifactId artifactId = AcceptExternalGenerationRequestService.artifactIdFor(space, requestId);
        Job job = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> fixtures.job(jobId), j -> j.status().isFinal());
        assertThat(job.status()).as("job %s (error %s)", job.id(), job.error()).isEqualTo(JobStatus.SUCCEEDED);
        Artifact artifact = fixtures.findArtifact(space, artifactId).orElseThrow();
        assertThat(artifact.status()).isEqualTo(ArtifactStatus.READY);
        assertThat(artifact.content().orElseThrow().sha256()).isEqualTo(Sha256.ofDigest(sha256(bytes)));
        assertThat(read(ObjectKey.contentOf(space, artifactId))).isEqualTo(bytes);
        assertThat(read(incoming)).as("the producer's object is left alone").isEqualTo(bytes);
    }

    @Test
    void givenObjectKeyWithADotDotSegment_request_isDeadLetteredAsInvalidMessageAndCreatesNothing() throws Exception {
        String requestId = "escape-" + UUID.randomUUID();
        String value = request(requestId, "incoming/../spaces/x");

        sendBreakingTheContract(requestId, value);

        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(value);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("invalid_message");
        assertThat(header(letter, DeadLetters.MESSAGE)).contains("'..'");
        assertThat(fixtures.findArtifact(space, AcceptExternalGenerationRequestService.artifactIdFor(space, requestId)))
                .isEmpty();
    }

    private String request(String requestId, String objectKey) {
        ObjectNode request = JSON.createObjectNode().put("schema_version", 1).put("request_id", requestId)
                .put("space_id", space.toString()).put("name", "scan.v2.PDF").put("type", "document");
        request.putObject("content_ref").put("object_key", objectKey);
        return request.toString();
    }

    private void send(String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        AsyncApiContract.get().assertConforms(GENERATION_REQUESTS, record);
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** A record the worker must refuse, which the contract refuses too. */
    private void sendBreakingTheContract(String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        AsyncApiContract.get().assertBreaks(GENERATION_REQUESTS, record);
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String value) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        return await("the dead letter").atMost(TIMEOUT).pollInterval(Duration.ZERO).until(() -> {
            for (ConsumerRecord<String, byte[]> record : deadLetters.poll(Duration.ofMillis(200))) {
                AsyncApiContract.get().assertConforms(DEAD_LETTERS, record);
                seen.add(record);
            }
            return seen.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(value)).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private byte[] read(ObjectKey key) {
        try (ObjectStore.ObjectContent content = objects.open(key).orElseThrow(() -> new AssertionError("no object " + key))) {
            return content.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
