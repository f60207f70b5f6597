package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Appends a Kafka message to the outbox in the caller's transaction; once that transaction commits,
 * {@link OutboxDirectSender} sends it (and the relay sends whatever that misses). The one way this service sends anything to Kafka, apart from dead letters.
 */
@ApplicationScoped
public class OutboxWriter {

    private final Outbox outbox;
    private final ObjectMapper json;
    private final TraceContext traceContext;
    private final OutboxDirectSender directSender;

    OutboxWriter(Outbox outbox, ObjectMapper json, TraceContext traceContext, OutboxDirectSender directSender) {
        this.outbox = outbox;
        this.directSender = directSender;
        this.json = json;
        this.traceContext = traceContext;
    }

    /**
     * @param message a record of the wire contract, serialized as JSON. The current trace context (if any)
     *                is stored with it, for the relay to send as the record's {@code traceparent} header.
     * @return the JSON written
     */
    String write(String topic, String key, String eventType, Object message, Instant at) {
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message record always serializes", e);
        }
        Outbox.Message row = new Outbox.Message(topic, key, eventType, payload, traceContext.currentAsJson(), at);
        Outbox.Unsent unsent = new Outbox.Unsent(outbox.append(row), row);
        directSender.appended(unsent);
        return payload;
    }
}
