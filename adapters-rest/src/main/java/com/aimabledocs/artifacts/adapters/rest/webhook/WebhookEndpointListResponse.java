package com.aimabledocs.artifacts.adapters.rest.webhook;

import java.util.List;

/** Every endpoint of a space (at most a few dozen), newest first: one page, like the other small lists. */
public record WebhookEndpointListResponse(List<WebhookEndpointResponse> data) {
}
