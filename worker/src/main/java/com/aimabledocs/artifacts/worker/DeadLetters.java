package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.adapters.messaging.MessagingConfig;
import com.aimabledocs.artifacts.domain.job.JobId;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a consumed record to the dead-letter topic: the original key, value and headers, byte for byte,
 * plus {@code dlq_reason} (a stable error code), {@code dlq_message}, {@code job_id} (when known),
 * {@code source_topic}, {@code source_partition} and {@code source_offset}. Waits for the broker's
 * acknowledgement ({@code acks=all}), so the caller acknowledges the consumed record only once its dead
 * letter is safe.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq_reason";
    public static final String MESSAGE = "dlq_message";
    public static final String JOB_ID = "job_id";
    public static final String SOURCE_TOPIC = "source_topic";
    public static final String SOURCE_PARTITION = "source_partition";
    public static final String SOURCE_OFFSET = "source_offset";

    /** Reasons of records that never reached a job (a failed job's request carries the job's error code). */
    static final String UNREADABLE_MESSAGE = "unreadable_message";
    static final String INVALID_MESSAGE = "invalid_message";
    static final String UNKNOWN_JOB = "unknown_job";
    static final String UNKNOWN_SPACE = "unknown_space";
    static final String PROCESSING_ERROR = "processing_error";

    private static final int MAX_MESSAGE_CHARS = 1000;

    private final MutinyEmitter<byte[]> emitter;
    private final String topic;
    private final Duration timeout;

    DeadLetters(@Channel("dead-letters") MutinyEmitter<byte[]> emitter, MessagingConfig messaging, WorkerConfig config) {
        this.emitter = emitter;
        this.topic = messaging.deadLetterTopic();
        this.timeout = config.deadLetterTimeout();
    }

    /**
     * @throws RuntimeException if the broker did not acknowledge in time; the caller sends it again
     */
    void send(ConsumerRecord<String, byte[]> record, String reason, String message, JobId job) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), header.value());
        }
        headers.add(REASON, utf8(reason));
        headers.add(MESSAGE, utf8(message == null ? "" : truncate(message)));
        if (job != null) {
            headers.add(JOB_ID, utf8(job.toString()));
        }
        headers.add(SOURCE_TOPIC, utf8(record.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        emitter.sendMessage(Message.of(value).addMetadata(metadata)).await().atMost(timeout);
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
