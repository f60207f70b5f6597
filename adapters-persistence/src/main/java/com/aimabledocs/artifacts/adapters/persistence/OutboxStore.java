package com.aimabledocs.artifacts.adapters.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox table. {@link #append} joins the caller's transaction; the relay claims
 * unsent rows with {@code FOR UPDATE SKIP LOCKED}, so several replicas relay in parallel without sending
 * a row twice while its claim is held.
 */
@ApplicationScoped
public class OutboxStore implements PanacheRepositoryBase<OutboxMessageEntity, Long> {

    /** A message waiting to be sent. {@code payload} is the JSON document, as written. */
    public record OutboxMessage(long id, String topic, String key, String eventType, String payload,
                                Instant createdAt) {
    }

    public void append(String topic, String key, String eventType, String payloadJson, Instant now) {
        OutboxMessageEntity row = new OutboxMessageEntity();
        row.topic = topic;
        row.messageKey = key;
        row.eventType = eventType;
        row.payload = payloadJson;
        row.createdAt = now;
        persist(row);
    }

    /** Locks up to {@code limit} unsent rows, oldest first, skipping rows another relay holds. */
    public List<OutboxMessage> claimUnsent(int limit) {
        @SuppressWarnings("unchecked")
        List<OutboxMessageEntity> rows = getEntityManager().createNativeQuery("""
                select * from outbox where sent_at is null
                order by id limit :limit for update skip locked""", OutboxMessageEntity.class)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new OutboxMessage(r.id, r.topic, r.messageKey, r.eventType, r.payload, r.createdAt))
                .toList();
    }

    public void markSent(List<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            update("sentAt = ?1 where id in ?2", now, ids);
        }
    }

    public long countUnsent() {
        return count("sentAt is null");
    }

    /** Deletes rows sent before {@code cutoff}; they are kept a while only to help debugging. */
    public long purgeSentBefore(Instant cutoff) {
        return delete("sentAt < ?1", cutoff);
    }
}
