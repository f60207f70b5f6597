package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The endpoint is disabled, so nothing is sent to it (a test, a retry) until it is enabled again. */
public final class WebhookEndpointDisabledException extends DomainException {

    public WebhookEndpointDisabledException(WebhookEndpointId id) {
        super("webhook_endpoint_disabled", "webhook endpoint " + id + " is disabled; enable it first");
    }
}
