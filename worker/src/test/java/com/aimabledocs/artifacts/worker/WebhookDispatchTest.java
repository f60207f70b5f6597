package com.aimabledocs.artifacts.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.application.port.in.RecordWebhookEventUseCase;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import com.aimabledocs.artifacts.worker.WebhookReceiver.Answer;
import com.aimabledocs.artifacts.worker.WebhookReceiver.Received;
import com.aimabledocs.artifacts.worker.WorkerFixtures.Staged;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook dispatcher against the real test stack and a real HTTP receiver ({@link WebhookReceiver}), with the
 * retry schedule shortened to {@code 0s,300ms,300ms} and a 1 s timeout (src/test/resources). Every signature is
 * checked by the Standard Webhooks reference library, every delivery against docs/asyncapi.yaml.
 */
@QuarkusTest
@WithTestResource(value = WorkerTestTopic.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookDispatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookEndpointRepository endpoints;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    RecordWebhookEventUseCase recordEvent;
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
    String requestsTopic;

    private WebhookReceiver receiver;
    private WorkerFixtures fixtures;
    private SpaceId space;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        fixtures = new WorkerFixtures(spaces, artifacts, jobs, objects, unitOfWork, ids, clock);
        space = fixtures.newSpace();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void aJobsEventsReachTheReceiverSignedAndAsTheContractSays() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(RANDOM);
        register(receiver.url("/ready", new Answer(204, 0)), secret, "artifact.ready", "job.succeeded");
        Staged staged = fixtures.stage(space, "notes.txt", new MediaType("text/plain"),
                "webhook me".getBytes(StandardCharsets.UTF_8), clock.now());

        try (KafkaProducer<String, String> producer = TestKafka.producer(bootstrapServers, StringSerializer.class)) {
            producer.send(new ProducerRecord<>(requestsTopic, staged.artifact().toString(),
                    fixtures.message(staged, Optional.empty()))).get(10, TimeUnit.SECONDS);
        }

        List<Received> got = await().atMost(PATIENCE).until(() -> receiver.at("/ready"), r -> r.size() >= 2);
        assertThat(got).extracting(r -> type(r)).containsExactlyInAnyOrder("job.succeeded", "artifact.ready");
        for (Received r : got) {
            assertSignedBy(r, secret);
            assertConforms(r);
            JsonNode data = JSON.readTree(r.body()).path("data");
            assertThat(data.path("artifact_id").asText()).isEqualTo(staged.artifact().toString());
            assertThat(r.header("webhook-id")).isEqualTo(data.path("event_id").asText());
            assertThat(r.header("content-type")).startsWith("application/json");
        }
    }

    @Test
    void a503IsRetriedWithTheSameWebhookIdAndTheLogShowsBothAttempts() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(RANDOM);
        WebhookEndpoint endpoint = register(receiver.url("/flaky", new Answer(503, 0), new Answer(204, 0)), secret,
                "artifact.ready");

        String eventId = emit("artifact.ready");

        List<Received> got = await().atMost(PATIENCE).until(() -> receiver.at("/flaky"), r -> r.size() >= 2);
        assertThat(got).extracting(r -> r.header("webhook-id")).containsExactly(eventId, eventId);
        got.forEach(r -> assertSignedBy(r, secret));
        assertThat(got.get(0).body()).isEqualTo(got.get(1).body());
        WebhookDelivery delivery = awaitEnded(endpoint);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(attempts(delivery)).extracting(a -> a.httpStatus().orElse(null)).containsExactly(503, 204);
    }

    @Test
    void aReceiverTooSlowForTheTimeoutCountsAsAFailedAttempt() throws Exception {
        WebhookEndpoint endpoint = register(receiver.url("/slow", new Answer(204, 3000), new Answer(204, 0)),
                WebhookSecret.generate(RANDOM), "artifact.ready");

        emit("artifact.ready");

        WebhookDelivery delivery = awaitEnded(endpoint);
        List<DeliveryAttempt> attempts = attempts(delivery);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(attempts.get(0).error()).contains("timeout");
        assertThat(attempts.get(0).duration()).isLessThan(Duration.ofMillis(2500));
        assertThat(attempts.get(1).httpStatus()).contains(204);
    }

    @Test
    void a410DisablesTheEndpointAtOnceAndTheSpacesOtherEndpointsAreTold() throws Exception {
        WebhookEndpoint gone = register(receiver.url("/gone", new Answer(410, 0)), WebhookSecret.generate(RANDOM),
                "artifact.ready");
        WebhookSecret watcherSecret = WebhookSecret.generate(RANDOM);
        register(receiver.url("/watcher", new Answer(204, 0)), watcherSecret, "endpoint.disabled");

        emit("artifact.ready");

        List<Received> told = await().atMost(PATIENCE).until(() -> receiver.at("/watcher"), r -> !r.isEmpty());
        assertSignedBy(told.get(0), watcherSecret);
        assertConforms(told.get(0));
        JsonNode data = JSON.readTree(told.get(0).body()).path("data");
        assertThat(type(told.get(0))).isEqualTo("endpoint.disabled");
        assertThat(data.path("endpoint_id").asText()).isEqualTo(gone.id().toString());
        assertThat(data.path("reason").asText()).isEqualTo("gone");
        WebhookEndpoint stored = unitOfWork.inTransaction(() -> endpoints.findById(space, gone.id())).orElseThrow();
        assertThat(stored.disabled().orElseThrow().reason()).isEqualTo(WebhookEndpoint.DisabledReason.GONE);
        assertThat(receiver.at("/gone")).hasSize(1);
        assertThat(awaitEnded(gone).status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void duringASecretRotationBothSignaturesAreSentAndEachVerifies() throws Exception {
        WebhookSecret old = WebhookSecret.generate(RANDOM);
        WebhookEndpoint endpoint = register(receiver.url("/rotated", new Answer(204, 0)), old, "artifact.ready");
        WebhookSecret fresh = WebhookSecret.generate(RANDOM);
        unitOfWork.inTransaction(() -> endpoints.update(endpoints.findById(space, endpoint.id()).orElseThrow()
                .rotateSecret(fresh, clock.now(), Duration.ofHours(24))));

        emit("artifact.ready");

        Received got = await().atMost(PATIENCE).until(() -> receiver.at("/rotated"), r -> !r.isEmpty()).get(0);
        assertThat(got.header("webhook-signature").split(" ")).hasSize(2);
        assertSignedBy(got, fresh);
        assertSignedBy(got, old);
    }

    @Test
    void aReceiverDownForTheWholeScheduleEndsFailedAfterEveryAttempt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookEndpoint endpoint = register("http://127.0.0.1:" + closedPort + "/down", WebhookSecret.generate(RANDOM),
                "artifact.ready");

        emit("artifact.ready");

        WebhookDelivery delivery = awaitEnded(endpoint);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(attempts(delivery)).hasSize(3).allSatisfy(a -> assertThat(a.error()).contains("connection_failed"));
    }

    @Test
    void aTargetThatResolvesToTheMetadataServiceIsRefusedAtConnectTime() throws Exception {
        WebhookEndpoint endpoint = register("http://169.254.169.254/latest/meta-data", WebhookSecret.generate(RANDOM),
                "artifact.ready");

        emit("artifact.ready");

        WebhookDelivery delivery = awaitEnded(endpoint);
        assertThat(attempts(delivery)).isNotEmpty().allSatisfy(a -> assertThat(a.error()).contains("target_refused"));
    }

    @Test
    void aSlowReceiverOnlyFillsItsOwnSlots() throws Exception {
        WebhookEndpoint slow = register(receiver.url("/tortoise", new Answer(204, 700)), WebhookSecret.generate(RANDOM),
                "artifact.ready");
        WebhookEndpoint fast = register(receiver.url("/hare", new Answer(204, 0)), WebhookSecret.generate(RANDOM),
                "artifact.ready");

        for (int i = 0; i < 24; i++) {
            emit("artifact.ready");
        }

        await().atMost(PATIENCE).until(() -> receiver.at("/hare").size() >= 24);
        // 24 requests of 0.7 s at most 4 at a time take 4.2 s; the fast endpoint's were all in long before.
        assertThat(receiver.at("/tortoise").size()).isLessThan(24);
        await().atMost(PATIENCE).until(() -> receiver.at("/tortoise").size() >= 24);
        assertThat(receiver.at("/hare")).hasSize(24);
        assertThat(receiver.at("/tortoise")).hasSize(24);
        assertThat(slow.id()).isNotEqualTo(fast.id());
    }

    // ---- helpers ----

    private WebhookEndpoint register(String url, WebhookSecret secret, String... types) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.of(ids.newId()), space,
                WebhookUrl.parse(url), java.util.Arrays.stream(types).map(WebhookEventType::subscribable).toList(),
                Optional.empty(), secret, clock.now());
        unitOfWork.inTransaction(() -> endpoints.add(endpoint));
        return endpoint;
    }

    /** Records a lifecycle-shaped event of the space as the dispatcher's consumer would; returns its ID. */
    private String emit(String type) {
        String eventId = ids.newId().toString();
        Instant now = clock.now();
        String data = """
                {"schema_version":1,"event_id":"%s","event_type":"%s","occurred_at":"%s","space_id":"%s",\
                "artifact_id":"%s","status":"%s","previous_status":"processing","size_bytes":3,\
                "sha256":"%s","media_type":"text/plain"}""".formatted(eventId, type, now, space, ids.newId(),
                type.substring(type.indexOf('.') + 1), "a".repeat(64));
        recordEvent.record(new WebhookEvent(eventId, space, WebhookEventType.subscribable(type), now, data));
        return eventId;
    }

    private WebhookDelivery awaitEnded(WebhookEndpoint endpoint) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(
                () -> unitOfWork.inTransaction(() -> deliveries.page(endpoint.id(), Optional.empty(), Optional.empty(), 1)),
                page -> !page.isEmpty() && page.get(0).status() != DeliveryStatus.PENDING).get(0);
    }

    private List<DeliveryAttempt> attempts(WebhookDelivery delivery) {
        return unitOfWork.inTransaction(() -> deliveries.attemptsOf(List.of(delivery.id()))).get(delivery.id());
    }

    private static String type(Received r) {
        try {
            return JSON.readTree(r.body()).path("type").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSignedBy(Received r, WebhookSecret secret) {
        try {
            new Webhook(secret.reveal()).verify(r.body(), Map.of(
                    "webhook-id", r.headers().get("webhook-id"),
                    "webhook-timestamp", r.headers().get("webhook-timestamp"),
                    "webhook-signature", r.headers().get("webhook-signature")));
        } catch (Exception e) {
            throw new AssertionError("the reference library refuses the signature: " + e, e);
        }
    }

    private static void assertConforms(Received r) {
        RecordHeaders headers = new RecordHeaders();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.add(name, r.header(name).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(AsyncApiContract.get().violations("webhookDelivery", r.body().getBytes(StandardCharsets.UTF_8),
                headers)).as("delivery %s against docs/asyncapi.yaml", r.body()).isEmpty();
    }
}
