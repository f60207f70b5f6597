package com.aimabledocs.artifacts.adapters.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends an outbox row to Kafka as soon as the transaction that appended it has committed, from the committing
 * thread, without a round trip to the database: the record is handed to the producer (which does not block the
 * caller) and, once the broker acknowledged it, {@link OutboxSentMarker} marks the row sent. The relay remains the
 * safety net: it claims only rows that have waited longer than {@code artifacts.messaging.relay.direct-grace}, so a
 * row this path failed to send (broker down, producer buffer full, process crash before the acknowledgement) is
 * sent later, and nothing is lost.
 *
 * <p>After a failure the path pauses for {@code max-backoff} and leaves everything to the relay, which backs off on
 * its own; it never throws into the committing thread, whose transaction has already succeeded.
 */
@ApplicationScoped
public class OutboxDirectSender {

    private static final Logger LOG = Logger.getLogger(OutboxDirectSender.class);
    /** Records handed to the producer and not acknowledged yet, beyond which rows are left to the relay. */
    private static final int MAX_IN_FLIGHT = 1_000;

    private final OutboxRecords records;
    private final OutboxSentMarker marker;
    private final MessagingConfig.Relay config;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long pausedUntil;
    private volatile boolean stopping;

    OutboxDirectSender(OutboxRecords records, OutboxSentMarker marker, MessagingConfig config) {
        this.records = records;
        this.marker = marker;
        this.config = config.relay();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        if (!config.enabled() || !config.directSend() || stopping || System.nanoTime() - pausedUntil < 0) {
            return;
        }
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            return;
        }
        try {
            records.send(appended.row()).whenComplete((ok, failure) -> {
                inFlight.decrementAndGet();
                if (failure == null) {
                    marker.acknowledged(appended.row());
                } else {
                    pause(failure);
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            pause(e);
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
