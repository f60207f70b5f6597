package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Outbox.Unsent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows to Kafka as soon as the transaction that appended them has committed, from the committing
 * thread, in the order they were appended, without a round trip to the database: each record is handed to the
 * producer (which does not block the caller) and, once the broker acknowledged it, {@link OutboxSentMarker} marks
 * the row sent. The relay remains the
 * safety net: it claims only rows that have waited longer than {@code artifacts.messaging.relay.direct-grace}, so a
 * row this path failed to send (broker down, producer buffer full, process crash before the acknowledgement) is
 * sent later, and nothing is lost.
 *
 * <p>With {@code artifacts.messaging.relay.direct-send} off, the commit wakes the relay instead, which sends the rows.
 *
 * <p>After a failure the path pauses for {@code max-backoff} and leaves everything to the relay, which backs off on
 * its own; it never throws into the committing thread, whose transaction has already succeeded.
 */
@ApplicationScoped
public class OutboxDirectSender {

    private static final Logger LOG = Logger.getLogger(OutboxDirectSender.class);
    /** Records handed to the producer and not acknowledged yet, beyond which rows are left to the relay. */
    private static final int MAX_IN_FLIGHT = 1_000;

    /** The key of the current transaction's list of rows to send, in its {@link TransactionSynchronizationRegistry}. */
    private static final Object ROWS = new Object();

    private final OutboxRecords records;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSentMarker marker;
    private final OutboxRelay relay;
    private final MessagingConfig.Relay config;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** {@link System#nanoTime()} until which rows are left to the relay after a failure. */
    private volatile long pausedUntil = System.nanoTime();
    private volatile boolean stopping;

    OutboxDirectSender(OutboxRecords records, OutboxSentMarker marker, OutboxRelay relay, MessagingConfig config,
                       TransactionSynchronizationRegistry transactions) {
        this.records = records;
        this.relay = relay;
        this.transactions = transactions;
        this.marker = marker;
        this.config = config.relay();
    }

    /**
     * Called in the transaction that appended {@code row}: remembers it, to be sent with the transaction's other rows,
     * in the order they were appended, once the transaction has committed (and not at all if it rolls back). One
     * synchronization per transaction, not one observer call per row: those would run in no defined order.
     */
    void appended(Unsent row) {
        if (!config.enabled()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Unsent> rows = (List<Unsent>) transactions.getResource(ROWS);
        if (rows == null) {
            List<Unsent> fresh = new ArrayList<>();
            transactions.putResource(ROWS, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        return;
                    }
                    if (config.directSend()) {
                        sendAll(fresh);
                    } else {
                        relay.wake();
                    }
                }
            });
            rows = fresh;
        }
        rows.add(row);
    }

    /** Hands the rows to the producer in order; what it cannot take now is left to the relay. Never throws. */
    private void sendAll(List<Unsent> rows) {
        for (Unsent row : rows) {
            if (stopping || System.nanoTime() - pausedUntil < 0) {
                return;
            }
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                inFlight.decrementAndGet();
                return;
            }
            try {
                records.send(row).whenComplete((ok, failure) -> {
                    inFlight.decrementAndGet();
                    if (failure == null) {
                        marker.acknowledged(row);
                    } else {
                        pause(failure);
                    }
                });
            } catch (RuntimeException e) {
                inFlight.decrementAndGet();
                pause(e);
                return;
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void pause(Throwable failure) {
        boolean wasRunning = System.nanoTime() - pausedUntil >= 0;
        pausedUntil = System.nanoTime() + config.maxBackoff().toNanos();
        if (wasRunning) {
            LOG.warnf("sending outbox rows right after the commit failed (%s); leaving them to the relay for %d ms",
                    failure, config.maxBackoff().toMillis());
        }
    }
}
