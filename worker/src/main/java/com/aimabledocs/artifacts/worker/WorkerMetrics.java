package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.RedriveStaleJobsUseCase.Sweep;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The worker's counters, exposed at {@code /q/metrics} in the Prometheus format:
 * {@code artifacts_worker_dead_letters_total{reason}}, {@code artifacts_worker_jobs_finished_total{status}},
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
        Counter.builder("artifacts.worker.jobs.finished")
                .description("Jobs that ended in this worker, by final status")
                .tag("status", status.wireName())
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
