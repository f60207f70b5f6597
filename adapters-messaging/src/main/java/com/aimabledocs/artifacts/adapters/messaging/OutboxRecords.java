package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Outbox;
import com.aimabledocs.artifacts.domain.port.Outbox.Unsent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Turns an outbox row into the Kafka record the contract describes (topic, key, value, and the headers
 * {@code event_type}, {@code outbox_id}, {@code traceparent}/{@code tracestate}) and hands it to the producer.
 * The one place both senders of outbox rows ({@link OutboxDirectSender}, {@link OutboxRelay}) send through.
 */
@ApplicationScoped
public class OutboxRecords {

    private final Emitter<String> emitter;
    private final TraceContext traceContext;

    OutboxRecords(@Channel("outbox") Emitter<String> emitter, TraceContext traceContext) {
        this.emitter = emitter;
        this.traceContext = traceContext;
    }

    /**
     * Sends {@code unsent}; the future completes when the broker acknowledged it ({@code acks=all}) and fails when
     * the producer gave up. Completed by the producer's thread, with no context propagated to it.
     *
     * @throws RuntimeException when the producer cannot take the record now (its buffer is full)
     */
    CompletableFuture<Void> send(Unsent unsent) {
        Outbox.Message row = unsent.message();
        RecordHeaders headers = new RecordHeaders();
        headers.add("event_type", row.eventType().getBytes(StandardCharsets.UTF_8));
        headers.add("outbox_id", Long.toString(unsent.id()).getBytes(StandardCharsets.UTF_8));
        traceContext.addHeaders(row.traceContext().orElse(null), headers);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .withHeaders(headers)
                .build();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        emitter.send(Message.of(row.payload(), Metadata.of(metadata),
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acknowledged;
    }
}
