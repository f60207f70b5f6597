package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deliveries of events to webhook endpoints, with the log of their attempts. */
public interface WebhookDeliveryRepository {

    /**
     * Adds the delivery unless one of the same event to the same endpoint exists (an event read twice from the
     * topic, by two replicas or after a rebalance, is owed once); returns whether it was added.
     */
    boolean addIfAbsent(WebhookDelivery delivery);

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now}, oldest due first, of enabled endpoints
     * not in {@code skip}; each claimed delivery's next attempt moves to {@code claimUntil}, so no other replica
     * takes it while it is being attempted, and it is attempted again then if its claimer dies. Deliveries another
     * transaction is claiming are skipped, not waited for. Returns them as they were before the claim.
     */
    List<WebhookDelivery> claimDue(Instant now, Instant claimUntil, int limit, Collection<WebhookEndpointId> skip);

    /** Stores the delivery's new state (after an attempt, a retry or an abandon). */
    void update(WebhookDelivery delivery);

    void addAttempt(DeliveryAttempt attempt);

    Optional<WebhookDelivery> findById(WebhookEndpointId endpointId, WebhookDeliveryId id);

    /** A page of an endpoint's deliveries, newest first, after {@code after} (exclusive) when given. */
    List<WebhookDelivery> page(WebhookEndpointId endpointId, Optional<DeliveryStatus> status,
                               Optional<WebhookDeliveryId> after, int limit);

    /** The attempts of each delivery, in the order they were made. */
    Map<WebhookDeliveryId, List<DeliveryAttempt>> attemptsOf(Collection<WebhookDeliveryId> deliveries);

    /** Ends every pending delivery of the endpoint as failed (it was disabled); returns how many. */
    int abandonPending(WebhookEndpointId endpointId, Instant now);

    /**
     * Deletes at most {@code limit} deliveries that ended (succeeded or failed) before {@code cutoff}, with their
     * attempts, and returns how many; pending ones are never touched. Concurrent purges take disjoint rows.
     */
    int purgeEndedBefore(Instant cutoff, int limit);

    /** When the longest-waiting pending delivery became due, if any is due at {@code now}. */
    Optional<Instant> oldestDue(Instant now);
}
