package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.port.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * The outbox as the table {@code outbox}. {@link #append} joins the caller's transaction; claims and purges lock
 * their rows with {@code FOR UPDATE SKIP LOCKED}, so several replicas relay and purge in parallel without taking
 * the same row; the partial indexes {@code outbox_unsent} and {@code outbox_sent_at} find the rows.
 */
@ApplicationScoped
public class PanacheOutbox implements Outbox, PanacheRepositoryBase<OutboxMessageEntity, Long> {

    @Override
    public long append(Message message) {
        OutboxMessageEntity row = new OutboxMessageEntity();
        row.topic = message.topic();
        row.messageKey = message.key();
        row.eventType = message.eventType();
        row.payload = message.payload();
        row.traceContext = message.traceContext().orElse(null);
        row.createdAt = message.createdAt();
        persist(row); // IDENTITY: the insert runs now and assigns the ID
        return row.id;
    }

    @Override
    public List<Unsent> claimUnsent(int limit, Duration minAge) {
        @SuppressWarnings("unchecked")
        List<OutboxMessageEntity> rows = getEntityManager().createNativeQuery("""
                select * from outbox where sent_at is null
                  and (appended_at is null or appended_at <= clock_timestamp() - make_interval(secs => :minAge))
                order by id limit :limit for update skip locked""", OutboxMessageEntity.class)
                .setParameter("limit", limit)
                .setParameter("minAge", minAge.toMillis() / 1000.0)
                .getResultList();
        return rows.stream()
                .map(r -> new Unsent(r.id, new Message(r.topic, r.messageKey, r.eventType, r.payload,
                        Optional.ofNullable(r.traceContext), r.createdAt)))
                .toList();
    }

    /**
     * Also lets the transaction commit without waiting for its WAL to reach the disk
     * ({@code synchronous_commit off}): all it records is that rows were sent.
     */
    @Override
    public void markSent(List<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            getEntityManager().createNativeQuery("set local synchronous_commit to off").executeUpdate();
            update("sentAt = ?1 where id in ?2", now, ids);
        }
    }

    /** One index-only walk of the partial index {@code outbox_unsent}: cheap while the backlog is small. */
    @Override
    public Backlog backlog() {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                        "select count(*), min(created_at) from outbox where sent_at is null")
                .getSingleResult();
        long unsent = ((Number) row[0]).longValue();
        Instant oldest = row[1] == null ? null
                : row[1] instanceof Instant i ? i
                : row[1] instanceof OffsetDateTime o ? o.toInstant()
                : ((Timestamp) row[1]).toInstant();
        return new Backlog(unsent, Optional.ofNullable(oldest));
    }

    /**
     * The batch is locked with {@code FOR UPDATE SKIP LOCKED} before it is deleted: a row that another transaction
     * holds (a concurrent purge's batch) is skipped, not waited for, so purges on several replicas take disjoint
     * rows and can neither block nor deadlock each other, and a row another purge deleted meanwhile is simply not
     * found. The batch is materialized so that it is chosen once.
     */
    @Override
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
