package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.Outbox;
import com.aimabledocs.artifacts.domain.port.Outbox.Unsent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Marks sent the rows {@link OutboxDirectSender} got acknowledged: one thread takes whatever acknowledgements have
 * arrived and marks them in one short transaction ({@link Outbox#markSent}, which does not wait for the disk). A mark
 * that is lost (the database unreachable, a crash) only lets the relay send the row again after the grace period,
 * which at-least-once delivery allows.
 */
@ApplicationScoped
public class OutboxSentMarker {

    private static final Logger LOG = Logger.getLogger(OutboxSentMarker.class);
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final BlockingQueue<Acknowledged> acknowledged = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private ExecutorService thread;

    OutboxSentMarker(Outbox outbox, Clock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-marker"));
        thread.submit(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.shutdownNow();
            thread.awaitTermination(2, TimeUnit.SECONDS);
        }
        markAll(); // what was acknowledged until now
    }

    /** Called by the producer's thread: {@code row} was acknowledged by the broker (now). */
    void acknowledged(Unsent row) {
        acknowledged.add(new Acknowledged(row, clock.now()));
    }

    /** A row and when the broker acknowledged it, which is what its {@code sent_at} records. */
    private record Acknowledged(Unsent row, Instant at) {
    }

    private void loop() {
        while (running) {
            try {
                Acknowledged first = acknowledged.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    List<Acknowledged> batch = new ArrayList<>();
                    batch.add(first);
                    acknowledged.drainTo(batch, BATCH - 1);
                    mark(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void markAll() {
        List<Acknowledged> rest = new ArrayList<>();
        acknowledged.drainTo(rest);
        if (!rest.isEmpty()) {
            mark(rest);
        }
    }

    /** Counts rows sent and marked sent (by either path) in {@code artifacts.outbox.sent}, by topic. */
    static void countSent(MeterRegistry metrics, List<Unsent> rows) {
        rows.stream().collect(Collectors.groupingBy(row -> row.message().topic(), Collectors.counting()))
                .forEach((topic, count) -> Counter.builder("artifacts.outbox.sent")
                        .description("Outbox rows this process sent to Kafka and marked sent, by topic")
                        .tag("topic", topic)
                        .register(metrics).increment(count));
    }

    /** Marks the batch sent at its last acknowledgement (they are a few milliseconds apart at most). */
    private void mark(List<Acknowledged> batch) {
        try {
            Instant last = batch.stream().map(Acknowledged::at).max(Instant::compareTo).orElseThrow();
            QuarkusTransaction.requiringNew().run(
                    () -> outbox.markSent(batch.stream().map(a -> a.row().id()).toList(), last));
            countSent(metrics, batch.stream().map(Acknowledged::row).toList());
        } catch (RuntimeException e) {
            LOG.warnf("could not mark %d sent outbox rows (%s); the relay will send them again", batch.size(),
                    e.getMessage());
        }
    }
}
