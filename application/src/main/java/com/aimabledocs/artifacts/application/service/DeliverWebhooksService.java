package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.DeliverWebhooksUseCase;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.port.WebhookSender;
import com.aimabledocs.artifacts.domain.port.WebhookSender.Answered;
import com.aimabledocs.artifacts.domain.port.WebhookSender.NotAnswered;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.RetrySchedule;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Claims due deliveries and makes one attempt of each. The HTTP request is never made inside a transaction:
 * a slow receiver holds a thread of the dispatcher's pool, not a database connection. An attempt is recorded in
 * one transaction with what follows from it for the endpoint (its failure record, its disabling, the
 * {@code endpoint.disabled} event owed to the space's other endpoints).
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {

    /** Tries of recording an attempt when a concurrent attempt of the same endpoint changed it first. */
    private static final int RECORD_TRIES = 5;

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdGenerator ids;
    private final RetrySchedule schedule;
    private final DoubleSupplier random;
    private final Terms terms;
    private final WebhookFanOut fanOut;

    /**
     * @param timeout the limit of one request
     * @param claimMargin added to the timeout to make a claim's lease: a delivery whose claimer died is attempted
     *                    again that long after its claim
     * @param disableAfter how long an endpoint may fail without a success before it is disabled
     */
    public record Terms(Duration timeout, Duration claimMargin, Duration disableAfter) {
    }

    public DeliverWebhooksService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                                  WebhookSender sender, UnitOfWork unitOfWork, Clock clock, IdGenerator ids,
                                  RetrySchedule schedule, DoubleSupplier random, Terms terms) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.sender = sender;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
        this.schedule = schedule;
        this.random = random;
        this.terms = terms;
        this.fanOut = new WebhookFanOut(endpoints, deliveries, ids, schedule, random);
    }

    @Override
    public Collection<WebhookDelivery> claim(int limit, Collection<WebhookEndpointId> skip) {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.now();
            return deliveries.claimDue(now, now.plus(terms.timeout()).plus(terms.claimMargin()), limit, skip);
        });
    }

    @Override
    public void release(Collection<WebhookDelivery> claimed) {
        if (!claimed.isEmpty()) {
            unitOfWork.inTransaction(() -> claimed.forEach(deliveries::update));
        }
    }

    @Override
    public Optional<Instant> oldestDue() {
        return unitOfWork.read(() -> deliveries.oldestDue(clock.now()));
    }

    @Override
    public Optional<Attempted> attempt(WebhookDelivery claimed) {
        Optional<WebhookEndpoint> found = unitOfWork.read(
                () -> endpoints.findById(claimed.spaceId(), claimed.endpointId()));
        if (found.isEmpty() || !found.get().enabled()) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = found.get();
        Instant sentAt = clock.now();
        long timestamp = sentAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", claimed.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(endpoint.signingSecrets(sentAt), claimed.eventId(),
                timestamp, claimed.body()));
        WebhookSender.Result result = sender.send(
                new WebhookSender.Request(endpoint.url(), headers, claimed.body(), terms.timeout()));
        DeliveryAttempt attempt = result instanceof Answered answered
                ? new DeliveryAttempt(claimed.id(), claimed.attempts() + 1, sentAt, answered.duration(),
                        Optional.of(answered.status()), Optional.of(answered.bodyStart()), Optional.empty())
                : new DeliveryAttempt(claimed.id(), claimed.attempts() + 1, sentAt, result.duration(),
                        Optional.empty(), Optional.empty(), Optional.of(((NotAnswered) result).error()));
        for (int tries = 1; ; tries++) {
            try {
                return unitOfWork.inTransaction(() -> record(claimed, attempt));
            } catch (ConcurrentUpdateException e) {
                if (tries >= RECORD_TRIES) {
                    throw e;
                }
            }
        }
    }

    private Optional<Attempted> record(WebhookDelivery claimed, DeliveryAttempt attempt) {
        Optional<WebhookDelivery> current = deliveries.findById(claimed.endpointId(), claimed.id());
        if (current.isEmpty()) {
            return Optional.empty(); // the endpoint was deleted meanwhile, and its log with it
        }
        deliveries.addAttempt(attempt);
        WebhookDelivery delivery = current.get();
        if (delivery.status() != DeliveryStatus.PENDING || delivery.attempts() != claimed.attempts()) {
            // Another replica attempted it after this claim expired, or it was abandoned: keep the log, not the state.
            return Optional.of(new Attempted(delivery, attempt, false));
        }
        WebhookDelivery next = delivery.attempted(attempt, schedule, random);
        deliveries.update(next);
        Instant now = clock.now();
        WebhookEndpoint endpoint = endpoints.findById(claimed.spaceId(), claimed.endpointId()).orElseThrow();
        WebhookEndpoint changed;
        if (attempt.succeeded()) {
            changed = endpoint.deliverySucceeded(now);
        } else if (attempt.gone()) {
            changed = endpoint.gone(now);
        } else {
            changed = endpoint.deliveryFailed(now, terms.disableAfter());
        }
        boolean disabledNow = endpoint.enabled() && !changed.enabled();
        if (!changed.failingSince().equals(endpoint.failingSince()) || disabledNow) {
            endpoints.update(changed);
        }
        if (disabledNow) {
            deliveries.abandonPending(endpoint.id(), now);
            fanOut.owe(new WebhookEvent(ids.newId().toString(), endpoint.spaceId(),
                    WebhookEventType.ENDPOINT_DISABLED, now, WebhookEvent.disabledData(changed)), now);
        }
        return Optional.of(new Attempted(next, attempt, disabledNow));
    }
}
