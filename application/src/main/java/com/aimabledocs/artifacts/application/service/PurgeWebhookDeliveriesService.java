package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.PurgeWebhookDeliveriesUseCase;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Deletes in batches, each its own transaction, until a batch comes back short. */
public final class PurgeWebhookDeliveriesService implements PurgeWebhookDeliveriesUseCase {

    static final int BATCH = 5000;

    private final WebhookDeliveryRepository deliveries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration retention;

    public PurgeWebhookDeliveriesService(WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork, Clock clock,
                                         Duration retention) {
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the webhook log retention must be positive");
        }
    }

    @Override
    public Purged purge() {
        Instant cutoff = clock.now().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = unitOfWork.inTransaction(() -> deliveries.purgeEndedBefore(cutoff, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return new Purged(cutoff, total);
    }
}
