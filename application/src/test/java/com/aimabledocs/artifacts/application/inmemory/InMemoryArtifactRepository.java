package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.ArtifactSearch;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Artifacts in a map, with the semantics a database gives: a duplicate ID is refused, {@link #update}
 * checks and bumps the optimistic-lock version, and {@link #search} is a real keyset walk ordered by
 * {@code created_at desc, id desc}, with IDs compared byte-wise (unsigned) as PostgreSQL compares UUIDs.
 */
public final class InMemoryArtifactRepository implements ArtifactRepository, TransactionalResource {

    /** Newest first; ties broken by the larger ID first. */
    public static final Comparator<Artifact> NEWEST_FIRST = Comparator.comparing(Artifact::createdAt)
            .thenComparing(a -> a.id().toString())
            .reversed();

    private Map<ArtifactId, Artifact> rows = new LinkedHashMap<>();
    private final java.util.Set<ArtifactId> purged = new java.util.HashSet<>();
    private final List<ArtifactSearch> searches = new ArrayList<>();
    private int updates;

    @Override
    public void add(Artifact artifact) {
        if (rows.containsKey(artifact.id())) {
            throw new IllegalStateException("duplicate key: artifact " + artifact.id());
        }
        rows.put(artifact.id(), artifact);
    }

    @Override
    public void update(Artifact artifact) {
        Artifact stored = rows.get(artifact.id());
        if (stored == null || stored.version() != artifact.version() || !stored.spaceId().equals(artifact.spaceId())) {
            throw new ConcurrentUpdateException("artifact", artifact.id());
        }
        rows.put(artifact.id(), withVersion(artifact, artifact.version() + 1));
        updates++;
    }

    @Override
    public Optional<Artifact> findById(SpaceId spaceId, ArtifactId id) {
        return Optional.ofNullable(rows.get(id)).filter(a -> a.spaceId().equals(spaceId));
    }

    @Override
    public List<Artifact> search(ArtifactSearch search) {
        searches.add(search);
        return rows.values().stream()
                .filter(a -> a.spaceId().equals(search.spaceId()))
                .filter(a -> search.threadId().map(t -> a.threadIds().contains(t)).orElse(true))
                .filter(a -> search.documentType().map(t -> a.documentType() == t).orElse(true))
                .filter(a -> search.status().map(s -> a.status() == s).orElse(!a.isDeleted()))
                .filter(a -> search.after().map(p -> isAfter(a, p)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(search.limit())
                .toList();
    }

    @Override
    public List<Artifact> claimDeletedUnpurged(java.time.Instant cutoff, int limit) {
        return rows.values().stream()
                .filter(a -> a.isDeleted() && a.updatedAt().isBefore(cutoff) && !purged.contains(a.id()))
                .limit(limit)
                .toList();
    }

    @Override
    public void markPurged(SpaceId spaceId, ArtifactId id) {
        purged.add(id);
    }

    public boolean isPurged(ArtifactId id) {
        return purged.contains(id);
    }

    /** Whether {@code artifact} comes strictly after {@code position} in newest-first order. */
    private static boolean isAfter(Artifact artifact, ArtifactSearch.Position position) {
        int byTime = artifact.createdAt().compareTo(position.createdAt());
        if (byTime != 0) {
            return byTime < 0;
        }
        return artifact.id().toString().compareTo(position.id().toString()) < 0;
    }

    private static Artifact withVersion(Artifact a, long version) {
        return Artifact.restore(a.id(), a.spaceId(), a.name(), a.documentType(), a.threadIds(),
                a.declaredMediaType().orElse(null), a.metadata(), a.status(), a.content().orElse(null),
                a.failure().orElse(null), a.createdAt(), a.updatedAt(), version);
    }

    /** The stored artifact, whatever its space; fails the test when there is none. */
    public Artifact get(ArtifactId id) {
        Artifact artifact = rows.get(id);
        if (artifact == null) {
            throw new AssertionError("no artifact " + id);
        }
        return artifact;
    }

    public List<Artifact> all() {
        return List.copyOf(rows.values());
    }

    public int count() {
        return rows.size();
    }

    public int updates() {
        return updates;
    }

    public List<ArtifactSearch> searches() {
        return List.copyOf(searches);
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<ArtifactId, Artifact>) snapshot);
    }
}
