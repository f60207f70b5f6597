package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.NotFoundException;

/** No webhook endpoint with this ID here. */
public final class WebhookEndpointNotFoundException extends NotFoundException {

    public WebhookEndpointNotFoundException(Object id) {
        super("webhook endpoint", id);
    }
}
