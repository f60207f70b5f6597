package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.RenewJobLeasesUseCase;
import com.aimabledocs.artifacts.application.port.in.RenewJobLeasesUseCase.Renewal;
import com.aimabledocs.artifacts.application.service.LeaseTerms;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Renews the leases of the jobs this worker runs every third of the lease duration, so a lease expires
 * only when the worker missed two renewals in a row: it died, hung, or lost the database.
 */
@ApplicationScoped
public class JobLeaseRenewer {

    private static final Logger LOG = Logger.getLogger(JobLeaseRenewer.class);

    private final RenewJobLeasesUseCase renew;
    private final LeaseTerms lease;
    private final WorkerMetrics metrics;

    JobLeaseRenewer(RenewJobLeasesUseCase renew, LeaseTerms lease, WorkerMetrics metrics) {
        this.renew = renew;
        this.lease = lease;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event, Scheduler scheduler) {
        LOG.infof("worker %s: job leases of %s, renewed every %s", lease.worker(), lease.duration(), lease.renewEvery());
        scheduler.newJob("job-lease-renewer")
                .setInterval(lease.renewEvery().toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> renewAll())
                .schedule();
    }

    void renewAll() {
        try {
            Renewal renewal = renew.renewHeldLeases();
            if (!renewal.lost().isEmpty()) {
                metrics.leasesLost(renewal.lost().size());
                LOG.warnf("worker %s lost the lease of jobs %s; their outcome will not be recorded here",
                        lease.worker(), renewal.lost());
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot renew job leases now (%s); trying again in %s", e.getMessage(), lease.renewEvery());
        }
    }
}
