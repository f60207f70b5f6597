package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes outbox rows sent more than {@code artifacts.messaging.outbox.retention} ago, every
 * {@code artifacts.messaging.outbox.purge-every}, in batches of {@code purge-batch-size} rows, each batch one
 * statement in a transaction of its own, until a batch comes back short. Unsent rows are never deleted. Logs one
 * line per run that deleted something and counts the rows in {@code artifacts_outbox_purged_total}.
 *
 * <p><b>Why it lives here, with no use case.</b> The outbox is how this adapter implements the
 * {@code GenerationRequestPublisher} and {@code LifecycleEventPublisher} ports (ADR 0001); its own port,
 * {@link Outbox}, exists only so that this adapter can use the table the persistence adapter owns. No use case
 * decides anything about sent rows. So, like the rate-limit bucket purge (an HTTP
 * concern, in {@code adapters-rest}), it is an adapter-level scheduled job; the idempotency and deleted-artifact
 * purges go through use cases because they act on the domain's own ports and rules. It sits beside
 * {@link OutboxRelay} and {@link OutboxBacklogMetrics} because both applications run those: the API and the worker
 * purge with the same code and the same configuration, whichever of them is deployed.
 *
 * <p><b>Replicas.</b> Every process runs it; no leader is needed. Each batch locks its rows with
 * {@code FOR UPDATE SKIP LOCKED} before deleting them ({@link Outbox#purgeSentBefore}): concurrent purges
 * take disjoint rows, never wait for each other (so they cannot deadlock), and a batch comes back short only when
 * nothing is left or the rest is held by another purge, which deletes it. The relay touches only unsent rows, the
 * purge only sent ones. A failed run (database down) is logged and tried again at the next tick.
 */
@Startup
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);
    /** Generous for one batch (a few milliseconds for 5,000 rows), short enough not to hold rows for long. */
    private static final int BATCH_TIMEOUT_SECONDS = 60;

    private final Outbox outbox;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;
    private final Counter purged;
    private volatile boolean running = true;

    OutboxPurge(Outbox outbox, Clock clock, MessagingConfig config, MeterRegistry metrics) {
        this.outbox = outbox;
        this.clock = clock;
        this.retention = config.outbox().retention();
        this.batchSize = config.outbox().purgeBatchSize();
        if (retention.isNegative()) {
            throw new IllegalArgumentException("artifacts.messaging.outbox.retention (ARTIFACTS_OUTBOX_RETENTION) "
                    + "must not be negative: " + retention);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("artifacts.messaging.outbox.purge-batch-size must be positive: "
                    + batchSize);
        }
        this.purged = Counter.builder("artifacts.outbox.purged")
                .description("Sent outbox rows this process deleted once they were older than the retention")
                .register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    @Scheduled(identity = "outbox-purge", every = "${artifacts.messaging.outbox.purge-every:10m}",
            delayed = "30s", concurrentExecution = ConcurrentExecution.SKIP)
    void run() {
        Instant cutoff = clock.now().minus(retention);
        try {
            purgeSentBefore(cutoff);
        } catch (RuntimeException e) {
            LOG.warnf("outbox purge failed (%s); trying again at the next run", e.getMessage());
        }
    }

    /**
     * Deletes the rows sent before {@code cutoff}, batch after batch, and returns how many this call deleted. Logs
     * that count once at the end, also when a batch failed after others had been deleted (the failure is thrown).
     */
    long purgeSentBefore(Instant cutoff) {
        long total = 0;
        try {
            int deleted;
            do {
                deleted = QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                        .call(() -> outbox.purgeSentBefore(cutoff, batchSize));
                total += deleted;
                purged.increment(deleted);
            } while (deleted == batchSize && running);
        } finally {
            if (total > 0) {
                LOG.infof("purged %d outbox rows sent before %s", total, cutoff);
            }
        }
        if (total == 0) {
            LOG.debugf("no outbox rows sent before %s to purge", cutoff);
        }
        return total;
    }
}
