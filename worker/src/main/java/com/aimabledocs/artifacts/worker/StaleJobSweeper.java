package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.RedriveStaleJobsUseCase;
import com.aimabledocs.artifacts.application.port.in.RedriveStaleJobsUseCase.Sweep;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the sweeper every {@code artifacts.worker.sweep-every}: no job stays queued or running for ever.
 * Every worker replica sweeps; the database hands each due job to one of them.
 */
@ApplicationScoped
public class StaleJobSweeper {

    private static final Logger LOG = Logger.getLogger(StaleJobSweeper.class);

    private final RedriveStaleJobsUseCase redrive;
    private final WorkerMetrics metrics;

    private volatile boolean stopping;

    StaleJobSweeper(RedriveStaleJobsUseCase redrive, WorkerMetrics metrics) {
        this.redrive = redrive;
        this.metrics = metrics;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(identity = "stale-job-sweeper", every = "${artifacts.worker.sweep-every}",
            delayed = "${artifacts.worker.sweep-every}", concurrentExecution = ConcurrentExecution.SKIP)
    void sweep() {
        if (stopping) {
            return;
        }
        try {
            Sweep sweep = redrive.sweep();
            metrics.swept(sweep);
            if (!sweep.isEmpty()) {
                LOG.infof("sweeper: re-drove %s; took back %s (lease expired); failed %s (lease expired on the last attempt)",
                        ids(sweep.redriven()), ids(sweep.takenBack()), ids(sweep.failed()));
            }
        } catch (UnavailableException e) {
            LOG.warnf("sweeper waits: %s", e.getMessage());
        } catch (ConcurrentUpdateException e) {
            // a job's artifact changed under the sweep; the whole batch rolled back and is tried again
            LOG.warnf("sweep met a concurrent update (%s); the next one tries again", e.getMessage());
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            LOG.errorf(e, "sweep failed; the next one tries again");
        }
    }

    /** How many jobs, and the first few IDs (a sweep after an outage may hold hundreds). */
    private static String ids(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return "none";
        }
        List<String> first = jobs.stream().limit(5).map(job -> job.id().toString()).toList();
        return jobs.size() + " " + first + (jobs.size() > first.size() ? "…" : "");
    }
}
