package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.RedriveStaleJobsUseCase.Sweep;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.AlreadyFinished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Finished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.LeaseHeldElsewhere;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Outcome;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.RetryScheduled;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.UnknownJob;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.WaitingForRetry;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The worker's counters, exposed at {@code /q/metrics} in the Prometheus format:
 * {@code artifacts_worker_dead_letters_total{reason}},
 * {@code artifacts_worker_jobs_finished_total{status,error_code}},
 * {@code artifacts_worker_job_duration_seconds{status}} and {@code artifacts_worker_job_processing_seconds{outcome}}
 * (histograms),
 * {@code artifacts_worker_job_retries_total}, {@code artifacts_worker_sweeper_jobs_total{action}} and
 * {@code artifacts_worker_leases_lost_total}.
 */
@ApplicationScoped
public class WorkerMetrics {

    private final MeterRegistry registry;

    WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A message went to the dead-letter topic, for {@code reason} (an error code). */
    void deadLettered(String reason) {
        Counter.builder("artifacts.worker.dead.letters")
                .description("Messages sent to the dead-letter topic, by reason")
                .tag("reason", reason)
                .register(registry).increment();
    }

    /** A job ended in this worker (including jobs the sweeper failed). */
    void jobFinished(JobStatus status) {
        jobFinished(status, "none");
    }

    /** A job this worker ran ended: its count by status and error code, and its time from queued to final. */
    void jobFinished(Job job) {
        jobFinished(job.status(), job.error().map(FailureReason::code).orElse("none"));
        Timer.builder("artifacts.worker.job.duration")
                .description("Time from a job's creation (queued) to its final status, by final status")
                .tag("status", job.status().wireName())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry).record(queuedToFinished(job));
    }

    /** How long one delivery of a request took to process, by outcome ({@code finished}, {@code retry_scheduled}, …). */
    void processed(Outcome outcome, Duration took) {
        Timer.builder("artifacts.worker.job.processing")
                .description("Time one delivery of a request took to process (claim, copy, hash, record), by outcome")
                .tag("outcome", outcomeName(outcome))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry).record(took);
    }

    static Duration queuedToFinished(Job job) {
        Duration took = Duration.between(job.createdAt(), job.finishedAt().orElse(job.updatedAt()));
        return took.isNegative() ? Duration.ZERO : took;
    }

    private static String outcomeName(Outcome outcome) {
        if (outcome instanceof Finished) {
            return "finished";
        } else if (outcome instanceof AlreadyFinished) {
            return "already_finished";
        } else if (outcome instanceof RetryScheduled) {
            return "retry_scheduled";
        } else if (outcome instanceof WaitingForRetry) {
            return "waiting_for_retry";
        } else if (outcome instanceof LeaseHeldElsewhere) {
            return "lease_held_elsewhere";
        } else if (outcome instanceof UnknownJob) {
            return "unknown_job";
        }
        return "other";
    }

    private void jobFinished(JobStatus status, String errorCode) {
        Counter.builder("artifacts.worker.jobs.finished")
                .description("Jobs that ended in this worker, by final status and error code")
                .tag("status", status.wireName())
                .tag("error_code", errorCode)
                .register(registry).increment();
    }

    /** A transient failure queued a job again for a later attempt. */
    void retryScheduled() {
        Counter.builder("artifacts.worker.job.retries")
                .description("Attempts that failed transiently and were queued for a retry")
                .register(registry).increment();
    }

    void swept(Sweep sweep) {
        sweeperCount("redriven", sweep.redriven().size());
        sweeperCount("taken_back", sweep.takenBack().size());
        sweeperCount("failed", sweep.failed().size());
        sweep.failed().forEach(job -> jobFinished(JobStatus.FAILED));
    }

    void leasesLost(int count) {
        Counter.builder("artifacts.worker.leases.lost")
                .description("Leases this worker found taken back while it still worked on the job")
                .register(registry).increment(count);
    }

    private void sweeperCount(String action, int count) {
        Counter counter = Counter.builder("artifacts.worker.sweeper.jobs")
                .description("Jobs the sweeper re-drove, took back from an expired lease, or failed")
                .tag("action", action)
                .register(registry);
        if (count > 0) {
            counter.increment(count);
        }
    }
}
