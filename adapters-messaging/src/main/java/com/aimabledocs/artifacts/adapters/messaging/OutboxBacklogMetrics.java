package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Outbox.Backlog;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The outbox backlog as two gauges: {@code artifacts_outbox_unsent_rows} and
 * {@code artifacts_outbox_oldest_unsent_age_seconds}. One count over the partial index of unsent rows every
 * {@code artifacts.messaging.backlog-poll-every}; a scrape reads the last result and never queries. Every
 * replica reports the same table, so aggregate with {@code max}, not {@code sum}. {@link OutboxRelayHealthCheck}
 * reads the same last values.
 */
@ApplicationScoped
public class OutboxBacklogMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogMetrics.class);

    private final Outbox outbox;
    private final Clock clock;
    private final AtomicReference<Backlog> last = new AtomicReference<>(new Backlog(0, java.util.Optional.empty()));

    OutboxBacklogMetrics(Outbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("artifacts.outbox.unsent.rows", last, b -> b.get().unsent())
                .description("Outbox rows not yet sent to Kafka (refreshed every backlog-poll-every)")
                .register(registry);
        Gauge.builder("artifacts.outbox.oldest.unsent.age.seconds", this, OutboxBacklogMetrics::oldestAgeSeconds)
                .description("Age of the oldest unsent outbox row; 0 when none waits")
                .register(registry);
    }

    @Scheduled(identity = "outbox-backlog-metrics", every = "${artifacts.messaging.backlog-poll-every:15s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void refresh() {
        try {
            last.set(QuarkusTransaction.requiringNew().timeout(10).call(outbox::backlog));
        } catch (RuntimeException e) {
            LOG.debugf("cannot read the outbox backlog now (%s); keeping the last values", e.getMessage());
        }
    }

    /** The backlog as the last refresh found it. */
    Backlog last() {
        return last.get();
    }

    /** How long the oldest unsent row of {@code backlog} has waited at {@code now}; zero when none waits. */
    static Duration oldestUnsentAge(Backlog backlog, Instant now) {
        return backlog.oldestCreatedAt()
                .map(oldest -> Duration.between(oldest, now))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }

    private double oldestAgeSeconds() {
        return oldestUnsentAge(last.get(), clock.now()).toMillis() / 1000.0;
    }
}
