package com.aimabledocs.artifacts.adapters.rest.webhook;

import java.util.List;

/** A page of the delivery log, shaped like every paginated list of the API. */
public record WebhookDeliveryPageResponse(List<WebhookDeliveryResponse> data, boolean hasMore, String nextCursor) {
}
