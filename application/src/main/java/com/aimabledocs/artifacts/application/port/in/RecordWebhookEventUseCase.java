package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;

/**
 * Owes an event to every enabled endpoint of its space that subscribes to its type: one delivery each, due
 * now. Recording the same event again (redelivery from the topic) adds nothing.
 */
public interface RecordWebhookEventUseCase {

    /** @return the number of deliveries added */
    int record(WebhookEvent event);
}
