package com.aimabledocs.artifacts.adapters.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox table. {@link #append} joins the caller's transaction; the relay claims
 * unsent rows with {@code FOR UPDATE SKIP LOCKED}, so several replicas relay in parallel without sending
 * a row twice while its claim is held; the purge deletes sent rows the same way.
 */
@ApplicationScoped
public class OutboxStore implements PanacheRepositoryBase<OutboxMessageEntity, Long> {

    /**
     * A message waiting to be sent. {@code payload} is the JSON document, as written; {@code traceContext}
     * the W3C trace context of the writing transaction as a JSON object ({@code traceparent},
     * {@code tracestate}), or null.
     */
    public record OutboxMessage(long id, String topic, String key, String eventType, String payload,
                                String traceContext, Instant createdAt) {
    }

    /** What waits to be sent: the number of unsent rows and the creation time of the oldest. */
    public record Backlog(long unsent, Optional<Instant> oldestCreatedAt) {
    }

    public void append(String topic, String key, String eventType, String payloadJson, Instant now) {
        append(topic, key, eventType, payloadJson, null, now);
    }

    /** @param traceContextJson a JSON object of W3C trace context headers, or null */
    public void append(String topic, String key, String eventType, String payloadJson, String traceContextJson,
                       Instant now) {
        OutboxMessageEntity row = new OutboxMessageEntity();
        row.topic = topic;
        row.messageKey = key;
        row.eventType = eventType;
        row.payload = payloadJson;
        row.traceContext = traceContextJson;
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
                .map(r -> new OutboxMessage(r.id, r.topic, r.messageKey, r.eventType, r.payload, r.traceContext,
                        r.createdAt))
                .toList();
    }

    /**
     * Lets the current transaction commit without waiting for its WAL to reach the disk. Only for
     * transactions whose loss in a database crash is harmless: the relay's, which only marks rows sent
     * (lost, they are sent again).
     */
    public void skipFlushAtCommit() {
        getEntityManager().createNativeQuery("set local synchronous_commit to off").executeUpdate();
    }

    public void markSent(List<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            update("sentAt = ?1 where id in ?2", now, ids);
        }
    }

    public long countUnsent() {
        return count("sentAt is null");
    }

    /** One index-only walk of the partial index {@code outbox_unsent}: cheap while the backlog is small. */
    public Backlog backlog() {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                        "select count(*), min(created_at) from outbox where sent_at is null")
                .getSingleResult();
        long unsent = ((Number) row[0]).longValue();
        Instant oldest = row[1] == null ? null
                : row[1] instanceof Instant i ? i
                : row[1] instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) row[1]).toInstant();
        return new Backlog(unsent, Optional.ofNullable(oldest));
    }

    /**
     * Deletes at most {@code limit} rows sent before {@code cutoff} and returns how many; unsent rows are never
     * touched. Sent rows are kept a while only to help debugging. The batch is locked with
     * {@code FOR UPDATE SKIP LOCKED} before it is deleted: a row that another transaction holds (a concurrent
     * purge's batch) is skipped, not waited for, so purges on several replicas take disjoint rows and can neither
     * block nor deadlock each other, and a row another purge deleted meanwhile is simply not found. The batch is
     * materialized so that it is chosen once. The partial index {@code outbox_sent_at} finds the rows.
     */
    public int purgeSentBefore(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("""
                with batch as materialized (
                    select id from outbox where sent_at < :cutoff
                    limit :limit for update skip locked)
                delete from outbox where id in (select id from batch)""")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
