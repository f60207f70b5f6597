package com.aimabledocs.artifacts.worker;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka clients the worker tests talk to the real broker with. */
final class TestKafka {

    private TestKafka() {
    }

    /** A producer of string-keyed records, acknowledged by every in-sync replica. */
    static <V> KafkaProducer<String, V> producer(String bootstrapServers, Class<? extends Serializer<V>> values) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, values));
    }

    /** A reader of the dead-letter topic's single partition, from its end as it is now (only what comes next). */
    static KafkaConsumer<String, byte[]> deadLettersFromNow(String bootstrapServers, String deadLetterTopic) {
        KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        TopicPartition partition = new TopicPartition(deadLetterTopic, 0);
        deadLetters.assign(List.of(partition));
        deadLetters.seekToEnd(List.of(partition));
        deadLetters.position(partition); // resolve "the end" now, before the test produces anything
        return deadLetters;
    }
}
