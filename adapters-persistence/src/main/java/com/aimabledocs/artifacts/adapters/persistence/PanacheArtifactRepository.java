package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.ArtifactSearch;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PanacheArtifactRepository implements ArtifactRepository, PanacheRepositoryBase<ArtifactEntity, UUID> {

    @Inject
    ArtifactReads reads;


    @Override
    public void add(Artifact artifact) {
        persist(ArtifactMapper.newRow(artifact));
        List<ThreadId> threads = artifact.threadIds();
        for (int position = 0; position < threads.size(); position++) {
            getEntityManager().createNativeQuery("""
                    insert into artifact_threads (artifact_id, thread_id, position, space_id, created_at)
                    values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, artifact.id().value())
                    .setParameter(2, threads.get(position).value())
                    .setParameter(3, position)
                    .setParameter(4, artifact.spaceId().value())
                    .setParameter(5, artifact.createdAt())
                    .executeUpdate();
        }
        flush();
    }

    @Override
    public void update(Artifact artifact) {
        ArtifactEntity row = findById(artifact.id().value());
        if (row == null || row.version != artifact.version()) {
            throw new ConcurrentUpdateException("artifact", artifact.id());
        }
        ArtifactMapper.copyState(artifact, row);
        try {
            flush();
        } catch (OptimisticLockException changedSinceRead) {
            // the row was committed by another transaction after this one read it
            throw new ConcurrentUpdateException("artifact", artifact.id());
        }
    }

    /**
     * One statement, the thread IDs included ({@link ArtifactReads}). Inside a transaction it runs on the
     * transaction's connection, after the changes this transaction flushed; outside one, on an auto-commit
     * connection, with no persistence context to flush.
     */
    @Override
    public Optional<Artifact> findById(SpaceId spaceId, ArtifactId id) {
        return reads.findById(spaceId, id);
    }

    /**
     * One native query per filter combination, shaped so that PostgreSQL walks the matching index in
     * order: the row-value comparison {@code (created_at, id) < (?, ?)} is an index range condition.
     */
    @Override
    public List<Artifact> search(ArtifactSearch search) {
        StringBuilder sql = new StringBuilder();
        if (search.threadId().isPresent()) {
            sql.append("select a.* from artifact_threads t join artifacts a on a.id = t.artifact_id")
                    .append(" where t.space_id = :space and t.thread_id = :thread");
            search.after().ifPresent(p -> sql.append(" and (t.created_at, t.artifact_id) < (:afterCreated, :afterId)"));
        } else {
            sql.append("select a.* from artifacts a where a.space_id = :space");
            search.after().ifPresent(p -> sql.append(" and (a.created_at, a.id) < (:afterCreated, :afterId)"));
        }
        search.documentType().ifPresent(t -> sql.append(" and a.document_type = :type"));
        sql.append(search.status().isPresent() ? " and a.status = :status" : " and a.status <> 'deleted'");
        sql.append(search.threadId().isPresent()
                ? " order by t.created_at desc, t.artifact_id desc"
                : " order by a.created_at desc, a.id desc");
        sql.append(" limit :limit");

        Query query = getEntityManager().createNativeQuery(sql.toString(), ArtifactEntity.class)
                .setParameter("space", search.spaceId().value())
                .setParameter("limit", search.limit());
        search.threadId().ifPresent(t -> query.setParameter("thread", t.value()));
        search.documentType().ifPresent(t -> query.setParameter("type", t.wireName()));
        search.status().ifPresent(s -> query.setParameter("status", s.wireName()));
        search.after().ifPresent(p -> query
                .setParameter("afterCreated", p.createdAt())
                .setParameter("afterId", p.id().value()));
        @SuppressWarnings("unchecked")
        List<ArtifactEntity> rows = query.getResultList();
        Map<UUID, List<String>> threads = threadsOf(rows.stream().map(r -> r.id).toList());
        return rows.stream().map(r -> ArtifactMapper.toDomain(r, threads.getOrDefault(r.id, List.of()))).toList();
    }

    @Override
    public List<Artifact> claimDeletedUnpurged(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<ArtifactEntity> rows = getEntityManager().createNativeQuery("""
                select * from artifacts
                where status = 'deleted' and purged_at is null and updated_at < :cutoff
                order by updated_at limit :limit for update skip locked""", ArtifactEntity.class)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
        Map<UUID, List<String>> threads = threadsOf(rows.stream().map(r -> r.id).toList());
        return rows.stream().map(r -> ArtifactMapper.toDomain(r, threads.getOrDefault(r.id, List.of()))).toList();
    }

    @Override
    public void markPurged(SpaceId spaceId, ArtifactId id) {
        getEntityManager().createNativeQuery("""
                update artifacts set purged_at = now() where id = :id and space_id = :space""")
                .setParameter("id", id.value())
                .setParameter("space", spaceId.value())
                .executeUpdate();
    }

    private Map<UUID, List<String>> threadsOf(List<UUID> artifactIds) {
        Map<UUID, List<String>> byArtifact = new LinkedHashMap<>();
        if (artifactIds.isEmpty()) {
            return byArtifact;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> links = getEntityManager().createNativeQuery("""
                select artifact_id, thread_id from artifact_threads
                where artifact_id = any(:ids) order by artifact_id, position""")
                .setParameter("ids", artifactIds.toArray(UUID[]::new))
                .getResultList();
        for (Object[] link : links) {
            byArtifact.computeIfAbsent((UUID) link[0], k -> new ArrayList<>()).add((String) link[1]);
        }
        return byArtifact;
    }
}
