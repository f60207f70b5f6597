package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.DeliverWebhooksUseCase;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.port.Clock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The loop that sends due webhook deliveries from this worker. It claims what it has room for (at most
 * {@code max-in-flight} requests in all, {@code max-in-flight-per-endpoint} to one endpoint), hands each claimed
 * delivery to its own pool of threads, and gives back at once what it claimed beyond an endpoint's room, so a slow
 * receiver fills only its own slots and the others' deliveries keep flowing. Claims are leases in the database
 * ({@code FOR UPDATE SKIP LOCKED}, then a lease time): several workers share the work, and no delivery is sent
 * twice unless its worker died during the attempt or could not record it.
 *
 * <p>It runs on its own threads, apart from the generation-request consumer and its database work is short, so
 * webhooks never hold up job processing. A new event wakes it ({@link #wake()}); otherwise it looks every
 * {@code poll-every}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration LAG_EVERY = Duration.ofSeconds(5);

    private final DeliverWebhooksUseCase deliver;
    private final WebhookDispatchConfig config;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final Semaphore slots;
    private final Map<WebhookEndpointId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean woken;
    private ExecutorService senders;
    private Thread loop;
    private long lagCheckedAt;

    WebhookDispatcher(DeliverWebhooksUseCase deliver, WebhookDispatchConfig config, WebhookMetrics metrics,
                      Clock clock) {
        this.deliver = deliver;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.slots = new Semaphore(config.maxInFlight());
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("webhook dispatch is disabled in this worker (ARTIFACTS_WEBHOOKS_DISPATCH_ENABLED=false)");
            return;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        senders = Executors.newFixedThreadPool(config.maxInFlight(), task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        wake();
        loop.join(TimeUnit.SECONDS.toMillis(5));
        senders.shutdown();
        // Attempts in flight end within their timeout; one cut short is attempted again once its claim expires.
        senders.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    /** Something may be due now (an event was recorded): look without waiting for the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                boolean claimedAny = dispatchOnce();
                reportLag();
                if (!claimedAny) {
                    pause(config.pollEvery());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatch failed (%s); trying again shortly", e.toString());
                try {
                    pause(Duration.ofSeconds(2));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims and starts what there is room for; returns whether anything was claimed. */
    boolean dispatchOnce() throws InterruptedException {
        int room = slots.availablePermits();
        if (room == 0) {
            pause(config.pollEvery());
            return false;
        }
        Collection<WebhookDelivery> claimed = deliver.claim(room, saturatedEndpoints());
        List<WebhookDelivery> giveBack = new ArrayList<>();
        for (WebhookDelivery delivery : claimed) {
            AtomicInteger count = inFlight.computeIfAbsent(delivery.endpointId(), id -> new AtomicInteger());
            if (count.get() >= config.maxInFlightPerEndpoint() || !slots.tryAcquire()) {
                giveBack.add(delivery);
                continue;
            }
            count.incrementAndGet();
            senders.execute(() -> attempt(delivery, count));
        }
        deliver.release(giveBack);
        return !claimed.isEmpty() && claimed.size() > giveBack.size();
    }

    private void attempt(WebhookDelivery delivery, AtomicInteger count) {
        try {
            deliver.attempt(delivery).ifPresent(attempted -> {
                metrics.attempted(attempted);
                if (attempted.endpointDisabled()) {
                    LOG.warnf("webhook endpoint %s of space %s disabled after delivery %s", delivery.endpointId(),
                            delivery.spaceId(), delivery.id());
                    wake(); // its endpoint.disabled event may be owed to other endpoints now
                }
            });
        } catch (RuntimeException e) {
            // Not recorded: the claim expires and the delivery is attempted again.
            LOG.warnf("webhook delivery %s could not be recorded (%s); it is attempted again when its claim expires",
                    delivery.id(), e.toString());
        } finally {
            count.decrementAndGet();
            slots.release();
            wake();
        }
    }

    private Collection<WebhookEndpointId> saturatedEndpoints() {
        List<WebhookEndpointId> saturated = new ArrayList<>();
        inFlight.forEach((id, count) -> {
            if (count.get() >= config.maxInFlightPerEndpoint()) {
                saturated.add(id);
            }
        });
        inFlight.values().removeIf(count -> count.get() == 0);
        return saturated;
    }

    private void reportLag() {
        long now = System.nanoTime();
        if (now - lagCheckedAt >= LAG_EVERY.toNanos()) {
            lagCheckedAt = now;
            metrics.lag(clock.now(), deliver.oldestDue());
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(Math.max(1, duration.toMillis()));
            }
            woken = false;
        }
    }
}
