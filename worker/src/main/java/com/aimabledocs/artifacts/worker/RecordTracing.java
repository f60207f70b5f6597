package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.adapters.messaging.TraceContext;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;

/**
 * Runs the handling of a record inside a consumer span whose parent is the trace context in the record's
 * headers (the API's request, through the outbox: see {@link TraceContext}), with the trace and span IDs,
 * and once known the job, artifact and space IDs, in the logging context (in JSON logs, fields of every
 * line written meanwhile). The connector's own tracing is off (application.properties): its span would not
 * cover the processing.
 */
@ApplicationScoped
public class RecordTracing {

    /** Logging context keys. */
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";
    static final String JOB_ID = "job_id";
    static final String ARTIFACT_ID = "artifact_id";
    static final String SPACE_ID = "space_id";

    /** The handling of one record, told which request the record holds once it is known. */
    @FunctionalInterface
    interface Handling {
        void run(TracedRecord traced) throws InterruptedException;
    }

    /** The span and logging context of the record being handled. */
    static final class TracedRecord {

        private final Span span;

        private TracedRecord(Span span) {
            this.span = span;
        }

        /** Adds the request's IDs to the span and to the logging context. */
        void identify(GenerationRequest request) {
            MDC.put(JOB_ID, request.jobId().toString());
            MDC.put(ARTIFACT_ID, request.artifactId().toString());
            MDC.put(SPACE_ID, request.spaceId().toString());
            span.setAttribute("artifacts.job_id", request.jobId().toString());
            span.setAttribute("artifacts.artifact_id", request.artifactId().toString());
            span.setAttribute("artifacts.space_id", request.spaceId().toString());
        }
    }

    private final TraceContext traceContext;
    private final Tracer tracer;

    @Inject
    RecordTracing(OpenTelemetry openTelemetry, TraceContext traceContext) {
        this.traceContext = traceContext;
        this.tracer = openTelemetry.getTracer("artifacts-worker");
    }

    void traced(ConsumerRecord<String, byte[]> record, Handling handling) throws InterruptedException {
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(traceContext.extract(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            if (span.getSpanContext().isValid()) {
                MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
                MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
            }
            handling.run(new TracedRecord(span));
        } catch (InterruptedException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            for (String key : List.of(TRACE_ID, SPAN_ID, JOB_ID, ARTIFACT_ID, SPACE_ID)) {
                MDC.remove(key);
            }
        }
    }
}
