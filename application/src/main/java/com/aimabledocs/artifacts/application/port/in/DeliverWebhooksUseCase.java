package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import java.util.Collection;
import java.util.Optional;

/**
 * Sends what is due. {@link #claim} takes due deliveries for this replica (in its own transaction); each is then
 * {@link #attempt}ed: the request is signed and sent outside any transaction, and its outcome recorded in one
 * (the attempt, the delivery's next step, the endpoint's failure record, and, when the endpoint gets disabled,
 * its pending deliveries abandoned and an {@code endpoint.disabled} event owed to the space's other endpoints).
 */
public interface DeliverWebhooksUseCase {

    Collection<WebhookDelivery> claim(int limit, Collection<WebhookEndpointId> skip);

    /**
     * Gives back claimed deliveries this replica will not attempt now (their endpoint is at its concurrency
     * limit here): due again as they were before the claim.
     */
    void release(Collection<WebhookDelivery> claimed);

    /** When the longest-waiting due delivery became due (the dispatcher's lag), if one is due now. */
    Optional<java.time.Instant> oldestDue();

    /** What one attempt did; empty when the delivery was no longer there to attempt (endpoint deleted, disabled). */
    Optional<Attempted> attempt(WebhookDelivery claimed);

    /** @param endpointDisabled whether this attempt disabled its endpoint (410, or failing too long) */
    record Attempted(WebhookDelivery delivery, DeliveryAttempt attempt, boolean endpointDisabled) {
    }
}
