package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.HandBackJobsUseCase;
import com.aimabledocs.artifacts.application.port.in.HandBackJobsUseCase.HandBack;
import com.aimabledocs.artifacts.application.service.HeldJobs;
import com.aimabledocs.artifacts.application.service.LeaseTerms;
import com.aimabledocs.artifacts.domain.job.Job;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * What the worker does with its jobs on SIGTERM: the jobs being processed get {@code artifacts.worker.shutdown-grace}
 * to finish as usual; each one still running after that is handed back ({@link HandBackJobsUseCase}): queued
 * again, its lease ended and its request sent again, so another worker runs it at once rather than after its
 * lease expired.
 *
 * <p>Order. The consumer stopped taking records already ({@link RetryLoop} observes the same event first). This
 * observer runs before the default-priority ones, the outbox relay's stop among them, so this worker's relay
 * still sends the requests handed back (another replica's relay would within its poll interval anyway). The
 * Kafka connector closes later still, when the application scope is destroyed after every shutdown observer:
 * records that finish in the grace are acknowledged, and their offsets committed, as usual.
 */
@ApplicationScoped
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final HandBackJobsUseCase handBack;
    private final HeldJobs held;
    private final LeaseTerms lease;
    private final Duration grace;

    GracefulStop(HandBackJobsUseCase handBack, HeldJobs held, LeaseTerms lease, WorkerConfig config) {
        this.handBack = handBack;
        this.held = held;
        this.lease = lease;
        this.grace = config.shutdownGrace();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) {
        long started = System.nanoTime();
        try {
            awaitProcessing();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (held.isEmpty()) {
            LOG.infof("worker %s stopping: no job in progress", lease.worker());
            return;
        }
        try {
            HandBack result = handBack.handBackHeldJobs();
            LOG.infof("worker %s stopping: handed back %d jobs %s after a grace of %s (%d ms); %s",
                    lease.worker(), result.handedBack().size(),
                    result.handedBack().stream().map(Job::id).toList(), grace,
                    (System.nanoTime() - started) / 1_000_000,
                    result.failed().isEmpty() ? "none left to its lease"
                            : "could not hand back " + result.failed() + ": taken back once their lease expires");
        } catch (RuntimeException e) {
            LOG.warnf("worker %s stopping: could not hand back its jobs (%s); they are taken back once their lease expires",
                    lease.worker(), e.getMessage());
        }
    }

    /** Waits until no job is in progress here, or the grace is over. */
    private void awaitProcessing() throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!held.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
    }
}
