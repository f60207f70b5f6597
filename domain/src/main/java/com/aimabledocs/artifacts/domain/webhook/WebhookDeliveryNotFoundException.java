package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.NotFoundException;

/** No webhook delivery with this ID here. */
public final class WebhookDeliveryNotFoundException extends NotFoundException {

    public WebhookDeliveryNotFoundException(Object id) {
        super("webhook delivery", id);
    }
}
