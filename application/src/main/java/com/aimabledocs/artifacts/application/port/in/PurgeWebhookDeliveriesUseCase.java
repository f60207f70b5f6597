package com.aimabledocs.artifacts.application.port.in;

import java.time.Instant;

/** Deletes the delivery log's deliveries that ended (succeeded or failed) longer ago than the retention. */
public interface PurgeWebhookDeliveriesUseCase {

    record Purged(Instant cutoff, int deliveries) {
    }

    Purged purge();
}
