package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** A space has as many webhook endpoints as it may have. */
public final class WebhookEndpointLimitException extends DomainException {

    public WebhookEndpointLimitException(int limit) {
        super("webhook_endpoint_limit_reached", "a space has at most " + limit + " webhook endpoints; delete one first");
    }
}
