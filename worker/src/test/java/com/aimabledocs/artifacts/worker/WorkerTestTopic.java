package com.aimabledocs.artifacts.worker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the worker tests' topics before the application starts, so the consumer is assigned its
 * partitions at once instead of after the broker auto-creates the topic. Leaves the topics in place.
 */
public class WorkerTestTopic implements QuarkusTestResourceLifecycleManager {

    /** Same as {@code %test.artifacts.messaging.generation-requests-topic} in the test application.properties. */
    static final String TOPIC = "artifacts.test.worker.generation-requests";
    /** Same as {@code %test.artifacts.messaging.dead-letter-topic}. */
    static final String DEAD_LETTER_TOPIC = "artifacts.test.worker.generation-requests.dlq";
    /** Same as {@code %test.artifacts.messaging.events-topic}. */
    static final String EVENTS_TOPIC = "artifacts.test.worker.events";
    private static final int PARTITIONS = 3;

    static String bootstrapServers() {
        // Same default as %test.kafka.bootstrap.servers in the worker's application.properties.
        String fromStack = System.getenv("ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS");
        return fromStack == null || fromStack.isBlank() ? "127.0.0.1:29092" : fromStack;
    }

    @Override
    public Map<String, String> start() {
        create(TOPIC, PARTITIONS);
        create(DEAD_LETTER_TOPIC, 1);
        create(EVENTS_TOPIC, PARTITIONS);
        return Map.of();
    }

    private static void create(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic
                        + " (is the test stack up? STACK_PROFILE=test deploy/local/stack up)", e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    @Override
    public void stop() {
    }
}
