package com.aimabledocs.artifacts.worker;

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
import com.aimabledocs.artifacts.worker.GenerationRequestRecordReader.ApiRequest;
import com.aimabledocs.artifacts.worker.GenerationRequestRecordReader.ExternalRequest;
import com.aimabledocs.artifacts.worker.GenerationRequestRecordReader.Read;
import com.aimabledocs.artifacts.worker.GenerationRequestRecordReader.Refusal;
import com.aimabledocs.artifacts.worker.RecordTracing.TracedRecord;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes generation requests: reads the record ({@link GenerationRequestRecordReader}), hands the request
 * to its use case, and acknowledges the record or sends it to the dead-letter topic. The offset of a record
 * is committed only after this method returns, that is after the database recorded what became of the job
 * and after any dead letter was acknowledged: a crash at any point means redelivery, and the use case makes
 * redelivery harmless. Records are processed in order per consumer (so two deliveries of one artifact's
 * request never race); {@code concurrency} runs several consumers over the partitions.
 *
 * <p>Nothing blocks a partition for long: a record that cannot be read, names no known job, or targets an
 * unknown space, goes to the dead-letter topic at once; a job that must wait for a retry is left queued
 * with its retry time (the sweeper sends its request again then); a job whose run fails for good goes to
 * the dead-letter topic with its error code; an unexpected error is retried a few times, then dead-lettered
 * too (the job itself is then taken back by the sweeper once its lease expires). Only an unreachable
 * database, which no record can be processed without, holds the consumer until it is back ({@link RetryLoop}).
 */
@ApplicationScoped
public class GenerationRequestConsumer {

    /** Tries of a record that keeps failing unexpectedly before it is dead-lettered. */
    static final int MAX_UNEXPECTED_FAILURES = 3;

    private static final Logger LOG = Logger.getLogger(GenerationRequestConsumer.class);

    private final ProcessGenerationRequestUseCase process;
    private final AcceptExternalGenerationRequestUseCase acceptExternal;
    private final GenerationRequestRecordReader reader;
    private final RetryLoop retry;
    private final DeadLetters deadLetters;
    private final WorkerMetrics metrics;
    private final RecordTracing tracing;

    @Inject
    GenerationRequestConsumer(ProcessGenerationRequestUseCase process,
                              AcceptExternalGenerationRequestUseCase acceptExternal,
                              GenerationRequestRecordReader reader, RetryLoop retry, DeadLetters deadLetters,
                              WorkerMetrics metrics, RecordTracing tracing) {
        this.process = process;
        this.acceptExternal = acceptExternal;
        this.reader = reader;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Incoming("generation-requests")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        tracing.traced(record, traced -> handle(record, traced));
    }

    private void handle(ConsumerRecord<String, byte[]> record, TracedRecord traced) throws InterruptedException {
        Read read = reader.read(record);
        if (read instanceof ExternalRequest external) {
            read = accept(external.request());
        }
        if (read instanceof ApiRequest api) {
            traced.identify(api.request());
            process(record, api.request());
        } else if (read instanceof Refusal refusal) {
            LOG.warnf("dead-lettering record %s-%d@%d (%s): %s", record.topic(), record.partition(), record.offset(),
                    refusal.reason(), refusal.message());
            deadLetter(record, refusal.reason(), refusal.message(), null);
        }
    }

    private void process(ConsumerRecord<String, byte[]> record, GenerationRequest request) throws InterruptedException {
        long started = System.nanoTime();
        Outcome outcome = processUntilRecorded(record, request);
        if (outcome != null) { // null: dead-lettered after unexpected failures
            metrics.processed(outcome, Duration.ofNanos(System.nanoTime() - started));
            settle(record, request, outcome);
        }
    }

    /**
     * Creates an external request's artifact and job if they do not exist yet, and stages its content: the
     * request to process then, as the API would have sent it, or why there is none.
     */
    private Read accept(ExternalGenerationRequest external) throws InterruptedException {
        return retry.untilStopped("external request " + external.requestId(), MAX_UNEXPECTED_FAILURES, () -> {
            try {
                return RetryLoop.done(new ApiRequest(acceptExternal.accept(external).request()));
            } catch (SpaceNotFoundException unknown) {
                return RetryLoop.done(new Refusal(DeadLetters.UNKNOWN_SPACE, unknown.getMessage()));
            } catch (UnavailableException e) {
                return RetryLoop.waitFor(e.getMessage());
            } catch (DomainException invalid) {
                return RetryLoop.done(new Refusal(DeadLetters.INVALID_MESSAGE, invalid.getMessage()));
            }
        }, (last, failures) -> new Refusal(DeadLetters.PROCESSING_ERROR, last.toString()));
    }

    /**
     * Processes until the job's state is recorded. Returns null when the record was dead-lettered after
     * failing unexpectedly {@value #MAX_UNEXPECTED_FAILURES} times.
     */
    private Outcome processUntilRecorded(ConsumerRecord<String, byte[]> record, GenerationRequest request)
            throws InterruptedException {
        return retry.untilStopped("job " + request.jobId(), MAX_UNEXPECTED_FAILURES, () -> {
            try {
                return RetryLoop.done(process.process(request));
            } catch (ConcurrentUpdateException e) {
                LOG.debugf("job %s was changed concurrently; reading it again", request.jobId());
                return RetryLoop.again();
            } catch (UnavailableException e) {
                return RetryLoop.waitFor(e.getMessage());
            }
        }, (last, failures) -> {
            LOG.errorf(last, "job %s failed unexpectedly %d times; dead-lettering its request", request.jobId(),
                    failures);
            deadLetter(record, DeadLetters.PROCESSING_ERROR, last.toString(), request.jobId());
            return null;
        });
    }

    /** What the outcome of processing a request means for its record: counted, logged, maybe dead-lettered. */
    private void settle(ConsumerRecord<String, byte[]> record, GenerationRequest request, Outcome outcome)
            throws InterruptedException {
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
        } else if (outcome instanceof RetryScheduled scheduled) {
            metrics.retryScheduled();
            LOG.infof("job %s failed transiently (%s); attempt %d at %s", scheduled.job().id(),
                    scheduled.job().error().map(FailureReason::code).orElse("?"), scheduled.job().attempt() + 1,
                    scheduled.retryAt());
        } else if (outcome instanceof WaitingForRetry waiting) {
            LOG.debugf("job %s waits for its retry at %s; leaving it", waiting.job().id(),
                    waiting.job().nextRetryAt().orElse(null));
        } else if (outcome instanceof LeaseHeldElsewhere held) {
            LOG.debugf("job %s is held by %s; leaving it", held.job().id(),
                    held.job().lease().map(JobLease::owner).orElse("nobody any more"));
        } else if (outcome instanceof UnknownJob) {
            LOG.warnf("dead-lettering a request for unknown job %s (artifact %s, space %s)", request.jobId(),
                    request.artifactId(), request.spaceId());
            deadLetter(record, DeadLetters.UNKNOWN_JOB, "no job %s for artifact %s in space %s".formatted(
                    request.jobId(), request.artifactId(), request.spaceId()), request.jobId());
        }
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
        String subject = "dead letter of record %s-%d@%d".formatted(record.topic(), record.partition(), record.offset());
        retry.untilStopped(subject, () -> {
            try {
                deadLetters.send(record, reason, message, job);
            } catch (RuntimeException e) {
                return RetryLoop.waitFor("not acknowledged yet (" + e.getMessage() + ")");
            }
            metrics.deadLettered(reason);
            return RetryLoop.done(Boolean.TRUE);
        });
    }
}
