package com.aimabledocs.artifacts.worker;

import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.GENERATION_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker against the real test stack: each case stores a space, a pending artifact, a queued job and
 * the staged bytes through the ports, produces the generation request as raw JSON (the wire contract) and
 * waits for the outcome in PostgreSQL and S3. Every request is checked against docs/asyncapi.yaml as it is
 * sent, and so is everything the worker writes to Kafka meanwhile ({@link ContractWatch}).
 */
@QuarkusTest
@WithTestResource(value = WorkerTestTopic.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GenerationRequestConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final MediaType PDF = new MediaType("application/pdf");

    @Inject
    SpaceRepository spaces;
    @Inject
    ArtifactRepository artifacts;
    @Inject
    JobRepository jobs;
    @Inject
    ObjectStore objects;
    @Inject
    UnitOfWork unitOfWork;
    @Inject
    IdGenerator ids;
    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "artifacts.messaging.generation-requests-topic")
    String topic;
    @ConfigProperty(name = "mp.messaging.incoming.generation-requests.group.id")
    String groupId;

    private static ContractWatch watch;

    private KafkaProducer<String, String> producer;
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
        assertThat(topic).as("the worker tests keep to their own topic").isEqualTo(WorkerTestTopic.TOPIC);
        producer = TestKafka.producer(bootstrapServers, StringSerializer.class);
        space = SpaceId.of(ids.newId());
        unitOfWork.inTransaction(() -> spaces.add(new Space(space, "worker test space", clock.now())));
    }

    @AfterEach
    void tearDown() {
        producer.close(Duration.ofSeconds(5));
        watch.assertAllConform(Duration.ofMillis(200));
    }

    @Test
    void givenDeclaredMediaType_request_storesContentAndMarksJobSucceededAndArtifactReady() throws Exception {
        // Larger than the 64 KiB detection buffer, so the copy streams past it.
        Staged staged = stage("quarterly.bin", PDF, randomBytes(300 * 1024));

        send(staged.artifact().toString(), message(staged, Optional.of(sha256(staged.bytes()))));

        assertSucceeded(staged, PDF);
    }

    @Test
    void givenNoDeclaredMediaType_request_detectsItFromTheBytes() throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        Staged staged = stage("report", null, pdf);

        send(staged.artifact().toString(), message(staged, Optional.empty()));

        assertSucceeded(staged, PDF);
    }

    @Test
    void givenContentSha256Mismatch_request_failsJobAndArtifact() throws Exception {
        Staged staged = stage("notes.txt", new MediaType("text/plain"), "the real bytes".getBytes(StandardCharsets.UTF_8));

        send(staged.artifact().toString(), message(staged, Optional.of(sha256("other bytes".getBytes(StandardCharsets.UTF_8)))));

        assertFailed(staged, "content_sha256_mismatch");
        assertThat(objects.stat(contentOf(staged))).as("no final object for mismatching content").isEmpty();
    }

    @Test
    void givenStagedObjectMissing_request_failsJobAndArtifact() throws Exception {
        Staged staged = stage("notes.txt", new MediaType("text/plain"), "gone".getBytes(StandardCharsets.UTF_8));
        objects.delete(staged.key());

        send(staged.artifact().toString(), message(staged, Optional.empty()));

        assertFailed(staged, "staged_content_missing");
        assertThat(objects.stat(contentOf(staged))).isEmpty();
    }

    @Test
    void givenSameMessageTwice_request_changesStateOnlyOnce() throws Exception {
        Staged staged = stage("twice.txt", new MediaType("text/plain"), "delivered twice".getBytes(StandardCharsets.UTF_8));
        String key = staged.artifact().toString();
        String message = message(staged, Optional.of(sha256(staged.bytes())));
        send(key, message);
        assertSucceeded(staged, new MediaType("text/plain"));
        Job firstJob = job(staged.job());
        Artifact firstArtifact = artifact(staged.artifact());

        send(key, message);
        // A later job on the same key, hence the same partition: once its offset is committed, every
        // earlier record of the partition (the duplicate among them) has been handled.
        Staged marker = stage("marker.txt", new MediaType("text/plain"), "marker".getBytes(StandardCharsets.UTF_8));
        RecordMetadata markerRecord = send(key, message(marker, Optional.empty()));
        assertSucceeded(marker, new MediaType("text/plain"));
        awaitCommittedPast(markerRecord);

        Job job = job(staged.job());
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.updatedAt()).isEqualTo(firstJob.updatedAt());
        assertThat(job.version()).isEqualTo(firstJob.version());
        Artifact artifact = artifact(staged.artifact());
        assertThat(artifact.updatedAt()).isEqualTo(firstArtifact.updatedAt());
        assertThat(artifact.version()).isEqualTo(firstArtifact.version());
        assertThat(read(contentOf(staged))).isEqualTo(staged.bytes());
    }

    @Test
    void givenPoisonMessages_laterRequestOnTheSamePartition_isStillProcessed() throws Exception {
        Staged valid = stage("after-poison.txt", new MediaType("text/plain"), "still flowing".getBytes(StandardCharsets.UTF_8));
        Staged futureSchema = stage("future.txt", new MediaType("text/plain"), "v2".getBytes(StandardCharsets.UTF_8));
        String key = valid.artifact().toString();

        sendBreakingTheContract(key, "this is not JSON {");
        sendBreakingTheContract(key, message(futureSchema, Optional.empty()).replace("\"schema_version\":1", "\"schema_version\":2"));
        RecordMetadata last = send(key, message(valid, Optional.empty()));

        assertSucceeded(valid, new MediaType("text/plain"));
        awaitCommittedPast(last);
        // The schema_version 2 request was not processed (it went to the dead-letter topic, see
        // DeliveryGuaranteesTest); its job, left queued, is re-driven by the sweeper as one whose request was lost.
        assertSucceeded(futureSchema, new MediaType("text/plain"));
    }

    @Test
    void givenSameMessageBackToBack_request_changesStateOnceAndKeepsConsuming() throws Exception {
        // Two copies back to back: the second must neither change the job again nor stop the consumer.
        Staged staged = stage("twice.txt", new MediaType("text/plain"), "back to back".getBytes(StandardCharsets.UTF_8));
        String key = staged.artifact().toString();
        String message = message(staged, Optional.empty());

        send(key, message);
        send(key, message);
        Staged marker = stage("marker.txt", new MediaType("text/plain"), "marker".getBytes(StandardCharsets.UTF_8));
        RecordMetadata markerRecord = send(key, message(marker, Optional.empty()));

        assertSucceeded(staged, new MediaType("text/plain"));
        assertSucceeded(marker, new MediaType("text/plain"));
        awaitCommittedPast(markerRecord);
        assertThat(job(staged.job()).attempt()).isEqualTo(1);
    }

    /*
     * A request whose space is not its job's is answered as an unknown job (dead-lettered) and
     * acknowledged, so it never holds back the partition's committed offset.
     */
    @Test
    void givenRequestNamingAnotherSpace_laterRequestOnTheSamePartition_isStillProcessed() throws Exception {
        Staged staged = stage("elsewhere.txt", new MediaType("text/plain"), "elsewhere".getBytes(StandardCharsets.UTF_8));
        String key = staged.artifact().toString();

        send(key, message(staged, Optional.empty()).replace(space.toString(), ids.newId().toString()));
        Staged later = stage("later.txt", new MediaType("text/plain"), "later".getBytes(StandardCharsets.UTF_8));
        RecordMetadata last = send(key, message(later, Optional.empty()));

        assertSucceeded(later, new MediaType("text/plain"));
        awaitCommittedPast(last);
        // The misdirected request changed nothing; the job itself, whose own request never came, is then
        // re-driven by the sweeper like any queued job whose request was lost.
        assertSucceeded(staged, new MediaType("text/plain"));
    }

    // ---- arrange ----

    private record Staged(ArtifactId artifact, JobId job, ObjectKey key, byte[] bytes) {
    }

    /** A pending artifact with a queued job, and its bytes staged under the artifact's key, as the API leaves them. */
    private Staged stage(String name, MediaType declared, byte[] bytes) {
        ArtifactId artifactId = ArtifactId.of(ids.newId());
        JobId jobId = JobId.of(ids.newId());
        ObjectKey key = ObjectKey.contentOf(space, artifactId);
        objects.put(key, new ByteArrayInputStream(bytes), bytes.length,
                declared == null ? MediaType.OCTET_STREAM : declared);
        unitOfWork.inTransaction(() -> {
            artifacts.add(Artifact.request(artifactId, space, new ArtifactName(name), DocumentType.DOCUMENT,
                    List.of(), declared, ArtifactMetadata.EMPTY, clock.now()));
            jobs.add(Job.queue(jobId, artifactId, space, JobKind.GENERATE, 3, Optional.empty(), clock.now()));
        });
        return new Staged(artifactId, jobId, key, bytes);
    }

    /** The generation request as other producers write it (schema version 1, snake_case). */
    private String message(Staged staged, Optional<String> contentSha256) {
        return "{\"schema_version\":1,\"job_id\":\"%s\",\"artifact_id\":\"%s\",\"space_id\":\"%s\",\"staged_object_key\":\"%s\",%s\"requested_at\":\"%s\"}"
                .formatted(staged.job(), staged.artifact(), space, staged.key(),
                        contentSha256.map(hex -> "\"content_sha256\":\"" + hex + "\",").orElse(""), clock.now());
    }

    private RecordMetadata send(String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        AsyncApiContract.get().assertConforms(GENERATION_REQUESTS, record);
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** A record the worker must refuse, which the contract refuses too. */
    private RecordMetadata sendBreakingTheContract(String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        AsyncApiContract.get().assertBreaks(GENERATION_REQUESTS, record);
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    // ---- assert ----

    private void assertSucceeded(Staged staged, MediaType expectedMediaType) {
        Job job = awaitFinished(staged.job());
        assertThat(job.status()).as("job %s (error %s)", job.id(), job.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.error()).isEmpty();
        Artifact artifact = artifact(staged.artifact());
        assertThat(artifact.status()).isEqualTo(ArtifactStatus.READY);
        StoredContent content = artifact.content().orElseThrow();
        assertThat(content.sizeBytes()).isEqualTo(staged.bytes().length);
        assertThat(content.sha256()).isEqualTo(new Sha256(sha256(staged.bytes())));
        assertThat(content.mediaType()).isEqualTo(expectedMediaType);
        // The bytes stay where the API staged them: under the artifact's own key.
        assertThat(staged.key()).isEqualTo(contentOf(staged));
        assertThat(read(contentOf(staged))).isEqualTo(staged.bytes());
    }

    private void assertFailed(Staged staged, String errorCode) {
        Job job = awaitFinished(staged.job());
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.error()).map(FailureReason::code).contains(errorCode);
        Artifact artifact = artifact(staged.artifact());
        assertThat(artifact.status()).isEqualTo(ArtifactStatus.FAILED);
        assertThat(artifact.failure()).map(FailureReason::code).contains(errorCode);
        assertThat(artifact.content()).isEmpty();
        // A final job's staged bytes are discarded, after the failure is committed.
        await().atMost(TIMEOUT).until(() -> objects.stat(staged.key()).isEmpty());
    }

    private Job awaitFinished(JobId id) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> job(id), job -> job.status().isFinal());
    }

    /** Waits until the worker's group committed an offset after the record's: it and all before it are done. */
    private void awaitCommittedPast(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private Job job(JobId id) {
        return unitOfWork.inTransaction(() -> jobs.findById(id)).orElseThrow();
    }

    private Artifact artifact(ArtifactId id) {
        return unitOfWork.inTransaction(() -> artifacts.findById(space, id)).orElseThrow();
    }

    private ObjectKey contentOf(Staged staged) {
        return ObjectKey.contentOf(space, staged.artifact());
    }

    private byte[] read(ObjectKey key) {
        try (ObjectStore.ObjectContent content = objects.open(key).orElseThrow(() -> new AssertionError("no object " + key))) {
            return content.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
