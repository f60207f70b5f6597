package com.aimabledocs.artifacts.adapters.messaging;

import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.LIFECYCLE_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every event published in a committed transaction reaches the events topic, in order per artifact; one published
 * in a transaction that rolls back never does.
 * Every event read conforms to docs/asyncapi.yaml.
 */
@QuarkusTest
class LifecycleEventsTest {

    @Inject
    LifecycleEventPublisher events;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    ObjectMapper json;

    /**
     * The topic exists before the first event is relayed: left to auto-creation, the relay's first batch can wait
     * for the topic's metadata past its delivery timeout on a loaded machine and be sent again.
     */
    @BeforeAll
    static void createTopic() throws Exception {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = ConfigProvider.getConfig().getValue("artifacts.messaging.events-topic", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Test
    void givenJobAndArtifactTransitions_eventsTopic_carriesOneEventPerChangeInOrder() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SpaceId space = SpaceId.of(UUID.randomUUID());
        ArtifactId artifactId = ArtifactId.of(UUID.randomUUID());
        Artifact artifact = Artifact.request(artifactId, space, new ArtifactName("events.txt"), DocumentType.TEXT,
                List.of(), null, ArtifactMetadata.EMPTY, now);
        Job job = Job.queue(JobId.of(UUID.randomUUID()), artifactId, space, JobKind.GENERATE, 3, Optional.empty(), now);
        unitOfWork.inTransaction(() -> {
            events.publish(ArtifactStatusChanged.created(artifact));
            events.publish(JobStatusChanged.created(job));
        });
        Artifact processing = artifact.startProcessing(now.plusSeconds(1));
        unitOfWork.inTransaction(() -> {
            events.publish(JobStatusChanged.between(job, job.start(now.plusSeconds(1), "events-test",
                    now.plusSeconds(31))));
            events.publish(ArtifactStatusChanged.between(artifact, processing));
        });
        try {
            unitOfWork.inTransaction(() -> {
                events.publish(ArtifactStatusChanged.between(processing,
                        processing.markFailed(new FailureReason("rolled_back", "x"), now.plusSeconds(2))));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the transaction that would have failed the artifact never committed, so its event must not exist
        }

        List<String> types = new ArrayList<>();
        java.util.Set<String> eventIds = new java.util.HashSet<>();
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = ConfigProvider.getConfig().getValue("artifacts.messaging.events-topic", String.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "lifecycle-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("four events for the artifact").atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    AsyncApiContract.get().assertConforms(LIFECYCLE_EVENTS, record);
                    if (record.key().equals(artifactId.toString())) {
                        JsonNode event = json.readTree(record.value());
                        assertThat(event.get("schema_version").asInt()).isEqualTo(1);
                        assertThat(event.get("space_id").asText()).isEqualTo(space.toString());
                        assertThat(event.get("event_id").asText()).isNotBlank();
                        if (eventIds.add(event.get("event_id").asText())) {   // at least once: a consumer deduplicates
                            types.add(event.get("event_type").asText());
                        }
                    }
                }
                return types.size() >= 4;
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                AsyncApiContract.get().assertConforms(LIFECYCLE_EVENTS, r);
                if (r.key().equals(artifactId.toString()) && !eventIds.contains(eventIdOf(r.value()))) {
                    types.add("unexpected");
                }
            });
        }
        assertThat(types).containsExactly("artifact.pending", "job.queued", "job.running", "artifact.processing");
    }

    private String eventIdOf(String value) {
        try {
            return json.readTree(value).get("event_id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
