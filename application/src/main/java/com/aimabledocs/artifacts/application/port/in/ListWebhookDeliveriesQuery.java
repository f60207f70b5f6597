package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import java.util.List;
import java.util.Optional;

/** An endpoint's delivery log: its deliveries, newest first, each with its attempts. */
public interface ListWebhookDeliveriesQuery {

    record Entry(WebhookDelivery delivery, List<DeliveryAttempt> attempts) {
    }

    /** @param next the last delivery of this page when more may follow (the cursor of the next page) */
    record Page(List<Entry> items, Optional<WebhookDeliveryId> next) {
    }

    Page list(Caller caller, SpaceId spaceId, WebhookEndpointId endpointId, Optional<DeliveryStatus> status,
              Optional<WebhookDeliveryId> after, int limit);

    /** One delivery with its attempts. */
    Entry get(Caller caller, SpaceId spaceId, WebhookEndpointId endpointId, WebhookDeliveryId id);
}
