package com.aimabledocs.artifacts.worker;

import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.DEAD_LETTERS;
import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.GENERATION_REQUESTS;
import static com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel.LIFECYCLE_EVENTS;

import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract;
import com.aimabledocs.artifacts.adapters.messaging.contract.AsyncApiContract.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads what the worker writes to Kafka while a test class runs, and checks each record against
 * docs/asyncapi.yaml: the lifecycle events, the dead letters, and the requests its outbox relays (the
 * sweeper's re-drives, told apart by their {@code outbox_id} header; the requests a test produces itself
 * are checked as it sends them). Opened at the end of every partition, so it sees only what is new.
 */
final class ContractWatch implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Channel> channels;
    private int checked;

    private ContractWatch(KafkaConsumer<byte[], byte[]> consumer, Map<String, Channel> channels) {
        this.consumer = consumer;
        this.channels = channels;
    }

    /** Watches the topics of the running test application's configuration. */
    static ContractWatch open() {
        Config config = ConfigProvider.getConfig();
        Map<String, Channel> channels = Map.of(
                config.getValue("artifacts.messaging.generation-requests-topic", String.class), GENERATION_REQUESTS,
                config.getValue("artifacts.messaging.events-topic", String.class), LIFECYCLE_EVENTS,
                config.getValue("artifacts.messaging.dead-letter-topic", String.class), DEAD_LETTERS);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : channels.keySet()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "the end" now, before the tests produce anything
        return new ContractWatch(consumer, channels);
    }

    /**
     * Reads until no record came for {@code quiet} (or for at most ten times as long) and checks every
     * record read.
     *
     * @throws AssertionError at the first record that breaks the contract
     */
    void assertAllConform(Duration quiet) {
        Instant lastRecord = Instant.now();
        Instant giveUp = lastRecord.plus(quiet.multipliedBy(10));
        while (Instant.now().isBefore(giveUp) && Duration.between(lastRecord, Instant.now()).compareTo(quiet) < 0) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                lastRecord = Instant.now();
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                Channel channel = channels.get(record.topic());
                if (channel != GENERATION_REQUESTS || record.headers().lastHeader("outbox_id") != null) {
                    AsyncApiContract.get().assertConforms(channel, record);
                    checked++;
                }
            }
        }
    }

    /** How many records were checked so far. */
    int checked() {
        return checked;
    }

    /** At the end of a test class: checks what is still coming, asserts that something was checked at all, closes. */
    void finish() {
        try {
            assertAllConform(Duration.ofSeconds(1));
            if (checked == 0) {
                throw new AssertionError("no record the worker wrote was checked against the contract");
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
