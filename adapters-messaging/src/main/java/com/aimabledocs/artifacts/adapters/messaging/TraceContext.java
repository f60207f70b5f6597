package com.aimabledocs.artifacts.adapters.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the W3C trace context ({@code traceparent}, {@code tracestate}) across the outbox: captured from
 * the current span when a row is appended, stored with the row, put in the Kafka record's headers by the
 * relay, and extracted by the consumer as the parent of its processing span. So one generate request is
 * one trace, API to worker, although the relay sends later and from another thread (or replica).
 */
@ApplicationScoped
public class TraceContext {

    /** The headers of the W3C Trace Context propagator. */
    public static final List<String> HEADERS = List.of("traceparent", "tracestate");

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            Header header = carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final ObjectMapper json;

    public TraceContext(OpenTelemetry openTelemetry, ObjectMapper json) {
        this.openTelemetry = openTelemetry;
        this.json = json;
    }

    /** The current trace context as a JSON object of W3C headers; empty without an active, valid span. */
    public Optional<String> currentAsJson() {
        Map<String, String> carrier = new LinkedHashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        carrier.keySet().retainAll(HEADERS);
        if (!carrier.containsKey("traceparent")) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.writeValueAsString(carrier));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    /** Adds the stored context's headers to a record's headers; a missing or unreadable one adds nothing. */
    public void addHeaders(String storedJson, Headers headers) {
        if (storedJson == null || storedJson.isBlank()) {
            return;
        }
        Map<String, String> stored;
        try {
            stored = json.readValue(storedJson, MAP);
        } catch (JsonProcessingException e) {
            return; // tracing must never stop a message
        }
        for (String name : HEADERS) {
            String value = stored.get(name);
            if (value != null && !value.isBlank()) {
                headers.remove(name);
                headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The context a consumed record carries in its headers (the root context when it carries none). */
    public Context extract(Headers headers) {
        return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, KAFKA_HEADERS);
    }
}
