package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.adapters.messaging.GenerationRequestMessage;
import com.aimabledocs.artifacts.adapters.messaging.TraceContext;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.ExternalGenerationRequest;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.AlreadyFinished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Finished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.LeaseHeldElsewhere;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Outcome;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.RetryScheduled;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.UnknownJob;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.WaitingForRetry;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobLease;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.shared.DomainException;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Consumes generation requests. The offset of a record is committed only after this method returns, that
 * is after the database recorded what became of the job and after any dead letter was acknowledged: a
 * crash at any point means redelivery, and the use case makes redelivery harmless. Records are processed
 * in order per consumer (so two deliveries of one artifact's request never race); {@code concurrency}
 * runs several consumers over the partitions.
 *
 * <p>Nothing blocks a partition for long: a record that cannot be read, names no known job, or targets
 * an unknown space, goes
 * to the dead-letter topic at once; a job that must wait for a retry is left queued with its retry time
 * (the sweeper sends its request again then); a job whose run fails for good goes to the dead-letter topic
 * with its error code; an unexpected error is retried a few times, then dead-lettered too (the job itself
 * is then taken back by the sweeper once its lease expires). Only an unreachable database, which no record
 * can be processed without, holds the consumer until it is back.
 */
@ApplicationScoped
public class GenerationRequestConsumer {

    /** Dead-letter reasons of records that never reached a job. */
    static final String UNREADABLE_MESSAGE = "unreadable_message";
    static final String INVALID_MESSAGE = "invalid_message";
    static final String UNKNOWN_JOB = "unknown_job";
    static final String UNKNOWN_SPACE = "unknown_space";
    static final String PROCESSING_ERROR = "processing_error";

    /** Tries of a record that keeps failing unexpectedly before it is dead-lettered. */
    static final int MAX_UNEXPECTED_FAILURES = 3;

    private static final Logger LOG = Logger.getLogger(GenerationRequestConsumer.class);

    /** Logging context keys (in JSON logs, fields of every line written while a record is handled). */
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";
    static final String JOB_ID = "job_id";
    static final String ARTIFACT_ID = "artifact_id";
    static final String SPACE_ID = "space_id";

    private final ProcessGenerationRequestUseCase process;
    private final AcceptExternalGenerationRequestUseCase acceptExternal;
    private final ObjectMapper json;
    /**
     * Reads the records: the application's mapper, refusing a JSON object that holds a key twice (RFC 8259
     * leaves the meaning of {@code {"name":"a","name":"b"}} open; a lenient reader would silently keep the
     * last one, where another consumer of the topic may keep the first).
     */
    private final ObjectReader requests;
    private final WorkerConfig config;
    private final DeadLetters deadLetters;
    private final WorkerMetrics metrics;
    private final TraceContext traceContext;
    private final Tracer tracer;
    private volatile boolean stopping;

    /** Without tracing (unit tests). */
    GenerationRequestConsumer(ProcessGenerationRequestUseCase process,
                              AcceptExternalGenerationRequestUseCase acceptExternal, ObjectMapper json,
                              WorkerConfig config, DeadLetters deadLetters, WorkerMetrics metrics) {
        this(process, acceptExternal, json, config, deadLetters, metrics, OpenTelemetry.noop(),
                new TraceContext(OpenTelemetry.noop(), json));
    }

    @Inject
    GenerationRequestConsumer(ProcessGenerationRequestUseCase process,
                              AcceptExternalGenerationRequestUseCase acceptExternal, ObjectMapper json,
                              WorkerConfig config, DeadLetters deadLetters, WorkerMetrics metrics,
                              OpenTelemetry openTelemetry, TraceContext traceContext) {
        this.process = process;
        this.acceptExternal = acceptExternal;
        this.json = json;
        this.requests = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.config = config;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.traceContext = traceContext;
        this.tracer = openTelemetry.getTracer("artifacts-worker");
    }

    /**
     * Handles one record inside a consumer span whose parent is the trace context in the record's headers
     * (the API's request, through the outbox), with the trace, job, artifact and space IDs in the logging
     * context.
     */
    @Incoming("generation-requests")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
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
            handle(record, span);
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

    private void handle(ConsumerRecord<String, byte[]> record, Span span) throws InterruptedException {
        GenerationRequest request;
        try {
            request = read(record);
        } catch (Unreadable unreadable) {
            LOG.warnf("dead-lettering record %s-%d@%d (%s): %s", record.topic(), record.partition(), record.offset(),
                    unreadable.reason, unreadable.getMessage());
            deadLetter(record, unreadable.reason, unreadable.getMessage(), null);
            return;
        }
        MDC.put(JOB_ID, request.jobId().toString());
        MDC.put(ARTIFACT_ID, request.artifactId().toString());
        MDC.put(SPACE_ID, request.spaceId().toString());
        span.setAttribute("artifacts.job_id", request.jobId().toString());
        span.setAttribute("artifacts.artifact_id", request.artifactId().toString());
        span.setAttribute("artifacts.space_id", request.spaceId().toString());
        long started = System.nanoTime();
        Outcome outcome = processUntilRecorded(record, request);
        if (outcome == null) {
            return; // dead-lettered after unexpected failures
        }
        metrics.processed(outcome, Duration.ofNanos(System.nanoTime() - started));
        if (outcome instanceof Finished finished) {
            Job job = finished.job();
            metrics.jobFinished(job);
            LOG.infof("job %s %s (attempt %d, %d ms after it was queued)", job.id(), job.status().wireName(),
                    job.attempt(), WorkerMetrics.queuedToFinished(job).toMillis());
            deadLetterIfFailed(record, job);
        } else if (outcome instanceof AlreadyFinished finished) {
            // A failed job's request is dead-lettered on every delivery: at least once, even when the worker
            // that failed it stopped before its dead letter was acknowledged, or when the sweeper failed it.
            deadLetterIfFailed(record, finished.job());
        } else if (outcome instanceof RetryScheduled retry) {
            metrics.retryScheduled();
            LOG.infof("job %s failed transiently (%s); attempt %d at %s", retry.job().id(),
                    retry.job().error().map(FailureReason::code).orElse("?"), retry.job().attempt() + 1,
                    retry.retryAt());
        } else if (outcome instanceof WaitingForRetry waiting) {
            LOG.debugf("job %s waits for its retry at %s; leaving it", waiting.job().id(),
                    waiting.job().nextRetryAt().orElse(null));
        } else if (outcome instanceof LeaseHeldElsewhere held) {
            LOG.debugf("job %s is held by %s; leaving it", held.job().id(),
                    held.job().lease().map(JobLease::owner).orElse("nobody any more"));
        } else if (outcome instanceof UnknownJob) {
            LOG.warnf("dead-lettering a request for unknown job %s (artifact %s, space %s)", request.jobId(),
                    request.artifactId(), request.spaceId());
            deadLetter(record, UNKNOWN_JOB, "no job %s for artifact %s in space %s".formatted(request.jobId(),
                    request.artifactId(), request.spaceId()), request.jobId());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * The request in the record, or why there is none: the record then goes to the dead-letter topic. A
     * request from the API names its job ({@code job_id}); a request from another producer names its own
     * {@code request_id} and is first accepted: its artifact and job are created the first time.
     */
    private GenerationRequest read(ConsumerRecord<String, byte[]> record) throws Unreadable, InterruptedException {
        if (record.value() == null || record.value().length == 0) {
            throw new Unreadable(UNREADABLE_MESSAGE, "the record has no value");
        }
        JsonNode tree;
        try {
            tree = requests.readTree(record.value());
        } catch (JsonParseException notJson) {
            if (isWellFormed(record.value())) {
                // duplicate detection is all that tells the two readers apart
                throw new Unreadable(INVALID_MESSAGE, "a JSON object holds a key twice: " + notJson.getOriginalMessage());
            }
            throw new Unreadable(UNREADABLE_MESSAGE, "not JSON: " + notJson.getOriginalMessage());
        } catch (IOException e) {
            throw new Unreadable(UNREADABLE_MESSAGE, e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new Unreadable(INVALID_MESSAGE, "the value is not a JSON object");
        }
        try {
            if (tree.hasNonNull("job_id")) {
                return json.treeToValue(tree, GenerationRequestMessage.class).toDomain();
            }
            if (tree.hasNonNull("request_id")) {
                return accept(json.treeToValue(tree, ExternalGenerationRequestMessage.class).toDomain());
            }
        } catch (JsonProcessingException wrongShape) {
            throw new Unreadable(INVALID_MESSAGE, "not a generation request: " + wrongShape.getOriginalMessage());
        } catch (DomainException invalid) {
            throw new Unreadable(INVALID_MESSAGE, invalid.getMessage());
        } catch (NullPointerException missing) {
            throw new Unreadable(INVALID_MESSAGE, "a required field is missing: " + missing.getMessage());
        }
        throw new Unreadable(INVALID_MESSAGE, "a generation request has a job_id or a request_id");
    }

    /** Whether the value is JSON once duplicated keys are allowed. */
    private boolean isWellFormed(byte[] value) {
        try {
            json.readTree(value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates an external request's artifact and job if they do not exist yet, and stages its content. */
    private GenerationRequest accept(ExternalGenerationRequest external) throws Unreadable, InterruptedException {
        int unexpectedFailures = 0;
        while (!stopping) {
            try {
                return acceptExternal.accept(external).request();
            } catch (SpaceNotFoundException unknown) {
                throw new Unreadable(UNKNOWN_SPACE, unknown.getMessage());
            } catch (UnavailableException e) {
                LOG.warnf("external request %s waits: %s", external.requestId(), e.getMessage());
                Thread.sleep(config.unavailableBackoff().toMillis());
            } catch (DomainException invalid) {
                throw new Unreadable(INVALID_MESSAGE, invalid.getMessage());
            } catch (RuntimeException e) {
                if (++unexpectedFailures >= MAX_UNEXPECTED_FAILURES) {
                    throw new Unreadable(PROCESSING_ERROR, e.toString());
                }
                LOG.errorf(e, "external request %s could not be accepted; trying again", external.requestId());
                Thread.sleep(config.unavailableBackoff().toMillis());
            }
        }
        throw new IllegalStateException("worker stopping; external request " + external.requestId()
                + " will be redelivered");
    }

    /**
     * Processes until the job's state is recorded. Returns null when the record was dead-lettered after
     * failing unexpectedly {@value #MAX_UNEXPECTED_FAILURES} times.
     */
    private Outcome processUntilRecorded(ConsumerRecord<String, byte[]> record, GenerationRequest request)
            throws InterruptedException {
        int unexpectedFailures = 0;
        while (!stopping) {
            try {
                return process.process(request);
            } catch (ConcurrentUpdateException e) {
                LOG.debugf("job %s was changed concurrently; reading it again", request.jobId());
            } catch (UnavailableException e) {
                LOG.warnf("job %s waits: %s", request.jobId(), e.getMessage());
                Thread.sleep(config.unavailableBackoff().toMillis());
            } catch (RuntimeException e) {
                unexpectedFailures++;
                if (unexpectedFailures >= MAX_UNEXPECTED_FAILURES) {
                    LOG.errorf(e, "job %s failed unexpectedly %d times; dead-lettering its request", request.jobId(),
                            unexpectedFailures);
                    deadLetter(record, PROCESSING_ERROR, e.toString(), request.jobId());
                    return null;
                }
                LOG.errorf(e, "job %s failed unexpectedly; trying again", request.jobId());
                Thread.sleep(config.unavailableBackoff().toMillis());
            }
        }
        throw new IllegalStateException("worker stopping; job " + request.jobId() + " will be redelivered");
    }

    private void deadLetterIfFailed(ConsumerRecord<String, byte[]> record, Job job) throws InterruptedException {
        if (job.status() == JobStatus.FAILED) {
            FailureReason error = job.error().orElseThrow();
            LOG.infof("job %s failed (%s); dead-lettering its request", job.id(), error.code());
            deadLetter(record, error.code(), error.message(), job.id());
        }
    }

    /** Sends the record to the dead-letter topic, trying again while the broker does not acknowledge it. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String message, JobId job)
            throws InterruptedException {
        while (!stopping) {
            try {
                deadLetters.send(record, reason, message, job);
                metrics.deadLettered(reason);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("cannot dead-letter record %s-%d@%d yet (%s); trying again", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                Thread.sleep(config.unavailableBackoff().toMillis());
            }
        }
        throw new IllegalStateException("worker stopping; record " + record.offset() + " will be redelivered");
    }

    /** Why a record holds no request this worker can process. */
    private static final class Unreadable extends Exception {

        private final String reason;

        Unreadable(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
