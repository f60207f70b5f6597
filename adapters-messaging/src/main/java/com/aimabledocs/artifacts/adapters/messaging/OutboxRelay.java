package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.Outbox;
import com.aimabledocs.artifacts.domain.port.Outbox.Unsent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends the outbox rows that {@link OutboxDirectSender} did not get acknowledged (or all rows, with direct sending
 * off). One thread per process claims a batch with {@code FOR UPDATE SKIP LOCKED},
 * sends it, waits for the broker's acknowledgements and marks the rows sent, all in one transaction: a
 * crash or a broker outage at any point leaves the rows unsent, to be sent again (at least once).
 *
 * <p>With direct sending on (the default) the relay claims only rows older than the grace period, by the database's
 * clock, and polls; with it off, a commit that appended a row wakes the relay at once, and the poll interval only
 * matters for rows that another replica wrote, or after an outage.
 *
 * <p>The relay's transaction commits without waiting for PostgreSQL to flush it to disk
 * ({@link Outbox#markSent}): all it records is that rows were sent, and a crash that loses
 * that record only makes the relay send those rows again, which at-least-once delivery allows. The
 * broker's acknowledgements are awaited as plain futures completed by the producer's thread, with no
 * context propagated to it: a transaction must have no other thread associated with it when it commits.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final OutboxRecords records;
    private final MessagingConfig.Relay config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService thread;

    OutboxRelay(Outbox outbox, OutboxRecords records, MessagingConfig config, Clock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.records = records;
        this.config = config.relay();
        this.clock = clock;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        running = true;
        thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
        thread.submit(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.shutdown();
            thread.awaitTermination(config.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
    }

    /** Claims at once instead of at the next poll: a commit appended rows (with direct sending off). */
    void wake() {
        wakeUp.release();
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                int sent = relayBatch();
                backoff = Duration.ofMillis(100);
                if (sent < config.batchSize()) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not send (%s); retrying in %d ms", rootMessage(e), backoff.toMillis());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /** Claims, sends and marks one batch; returns how many rows it sent. */
    int relayBatch() {
        int timeoutSeconds = (int) config.sendTimeout().toSeconds() + 10;
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            List<Unsent> batch = outbox.claimUnsent(config.batchSize(),
                    config.directSend() ? config.directGrace() : Duration.ZERO);
            if (batch.isEmpty()) {
                return 0;
            }
            long claimed = System.nanoTime();
            List<CompletableFuture<Void>> acks = batch.stream().map(records::send).toList();
            awaitAll(acks);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("relayed %d rows, oldest written %d ms ago; broker acknowledged in %d ms", batch.size(),
                        Duration.between(batch.get(0).message().createdAt(), clock.now()).toMillis(),
                        (System.nanoTime() - claimed) / 1_000_000);
            }
            outbox.markSent(batch.stream().map(Unsent::id).toList(), clock.now());
            OutboxSentMarker.countSent(metrics, batch);
            return batch.size();
        });
    }

    /** Waits for every acknowledgement, failing at the first negative one or when the send timeout ends. */
    private void awaitAll(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take the batch: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the batch within "
                    + config.sendTimeout(), e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
