package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.PurgeWebhookDeliveriesUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps the webhook delivery log to {@code ARTIFACTS_WEBHOOKS_LOG_RETENTION}: deletes deliveries that ended longer
 * ago, with their attempts. Every worker runs it; batches skip rows another purge holds. A failed run is logged and
 * tried again at the next.
 */
@ApplicationScoped
public class WebhookDeliveryPurge {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryPurge.class);

    private final PurgeWebhookDeliveriesUseCase purge;

    WebhookDeliveryPurge(PurgeWebhookDeliveriesUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(identity = "webhook-delivery-purge", every = "${artifacts.webhooks.dispatch.purge-every:10m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            PurgeWebhookDeliveriesUseCase.Purged purged = purge.purge();
            if (purged.deliveries() > 0) {
                LOG.infof("purged %d webhook deliveries that ended before %s", purged.deliveries(), purged.cutoff());
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook delivery purge failed (%s); trying again at the next run", e.getMessage());
        }
    }
}
