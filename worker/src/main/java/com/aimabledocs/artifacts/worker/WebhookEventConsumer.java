package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.RecordWebhookEventUseCase;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the events topic with the webhook dispatchers' own consumer group ({@code artifacts-webhooks}): each
 * event of a subscribable type becomes one delivery per endpoint that receives it, and the dispatcher is woken.
 * The offset is committed after the deliveries are stored, so an event is never dropped; one read twice (a
 * rebalance, a crash) adds nothing, since an endpoint is owed an event once. The partitions are shared among the
 * workers, so each event is read by one of them.
 */
@ApplicationScoped
public class WebhookEventConsumer {

    private static final Logger LOG = Logger.getLogger(WebhookEventConsumer.class);

    private final RecordWebhookEventUseCase recordEvent;
    private final WebhookDispatcher dispatcher;
    private final RetryLoop retry;
    private final ObjectMapper json;

    WebhookEventConsumer(RecordWebhookEventUseCase recordEvent, WebhookDispatcher dispatcher, RetryLoop retry,
                         ObjectMapper json) {
        this.recordEvent = recordEvent;
        this.dispatcher = dispatcher;
        this.retry = retry;
        this.json = json;
    }

    @Incoming("webhook-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        WebhookEvent event = read(record);
        if (event == null) {
            return;
        }
        // Until stored, however long the database is away or whatever fails: an event is not skipped.
        int added = retry.untilStopped("webhook event " + event.id(), Integer.MAX_VALUE, () -> {
            try {
                return RetryLoop.done(recordEvent.record(event));
            } catch (UnavailableException e) {
                return RetryLoop.waitFor(e.getMessage());
            }
        }, (last, failures) -> {
            throw last;
        });
        if (added > 0) {
            dispatcher.wake();
        }
    }

    /** The event, or null for one no endpoint can subscribe to or that cannot be read (logged, skipped). */
    private WebhookEvent read(ConsumerRecord<String, String> record) {
        try {
            JsonNode node = json.readTree(record.value());
            String type = node.path("event_type").asText("");
            if (!WebhookEventType.isSubscribable(type)) {
                return null;
            }
            return new WebhookEvent(node.path("event_id").asText(), SpaceId.parse(node.path("space_id").asText()),
                    WebhookEventType.subscribable(type), Instant.parse(node.path("occurred_at").asText()),
                    record.value());
        } catch (Exception e) {
            LOG.warnf("skipping unreadable event %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return null;
        }
    }
}
