package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.IllegalTransitionException;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document or file in a space, linked to conversation threads. Immutable: every transition returns a
 * new instance, and only the transitions of {@link ArtifactStatus} are possible.
 *
 * <p>Invariants: a {@code ready} artifact has content and a {@code failed} one a failure reason; a
 * {@code deleted} artifact keeps what it had (for the record), no other state has either;
 * {@code updatedAt} never precedes {@code createdAt}. Deletion is the last transition, so a deleted
 * artifact's {@code updatedAt} is when it was deleted.
 */
public final class Artifact {

    public static final int MAX_THREADS = 32;

    private final ArtifactId id;
    private final SpaceId spaceId;
    private final ArtifactName name;
    private final DocumentType documentType;
    private final List<ThreadId> threadIds;
    private final MediaType declaredMediaType;
    private final ArtifactMetadata metadata;
    private final ArtifactStatus status;
    private final StoredContent content;
    private final FailureReason failure;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final long version;

    private Artifact(ArtifactId id, SpaceId spaceId, ArtifactName name, DocumentType documentType,
                     List<ThreadId> threadIds, MediaType declaredMediaType, ArtifactMetadata metadata,
                     ArtifactStatus status, StoredContent content, FailureReason failure,
                     Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.spaceId = Objects.requireNonNull(spaceId, "spaceId");
        this.name = Objects.requireNonNull(name, "name");
        this.documentType = Objects.requireNonNull(documentType, "documentType");
        this.threadIds = distinct(threadIds);
        this.declaredMediaType = declaredMediaType;
        this.metadata = metadata == null ? ArtifactMetadata.EMPTY : metadata;
        this.status = Objects.requireNonNull(status, "status");
        this.content = content;
        this.failure = failure;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
        if (status == ArtifactStatus.READY ? content == null : content != null && status != ArtifactStatus.DELETED) {
            throw new IllegalArgumentException("content is present when an artifact is ready (or deleted after that) only");
        }
        if (status == ArtifactStatus.FAILED ? failure == null : failure != null && status != ArtifactStatus.DELETED) {
            throw new IllegalArgumentException("a failure reason is present when an artifact failed (or deleted after that) only");
        }
        if (content != null && failure != null) {
            throw new IllegalArgumentException("an artifact has content or a failure reason, not both");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt precedes createdAt");
        }
    }

    /** A new artifact whose content a generation job is about to store. */
    public static Artifact request(ArtifactId id, SpaceId spaceId, ArtifactName name, DocumentType documentType,
                                   List<ThreadId> threadIds, MediaType declaredMediaType,
                                   ArtifactMetadata metadata, Instant now) {
        return new Artifact(id, spaceId, name, documentType, threadIds, declaredMediaType, metadata,
                ArtifactStatus.PENDING, null, null, now, now, 0);
    }

    /** Rebuilds an artifact from storage; checks the invariants but no transition rule. */
    public static Artifact restore(ArtifactId id, SpaceId spaceId, ArtifactName name, DocumentType documentType,
                                   List<ThreadId> threadIds, MediaType declaredMediaType, ArtifactMetadata metadata,
                                   ArtifactStatus status, StoredContent content, FailureReason failure,
                                   Instant createdAt, Instant updatedAt, long version) {
        return new Artifact(id, spaceId, name, documentType, threadIds, declaredMediaType, metadata,
                status, content, failure, createdAt, updatedAt, version);
    }

    public Artifact startProcessing(Instant now) {
        return moveTo(ArtifactStatus.PROCESSING, null, null, now);
    }

    public Artifact markReady(StoredContent storedContent, Instant now) {
        return moveTo(ArtifactStatus.READY, Objects.requireNonNull(storedContent, "storedContent"), null, now);
    }

    public Artifact markFailed(FailureReason reason, Instant now) {
        return moveTo(ArtifactStatus.FAILED, null, Objects.requireNonNull(reason, "reason"), now);
    }

    /**
     * Marks the artifact deleted, whatever its state: it leaves lists and downloads, its stored bytes are
     * purged after a grace period. What it was (content facts or failure) stays on record.
     */
    public Artifact delete(Instant now) {
        return moveTo(ArtifactStatus.DELETED, content, failure, now);
    }

    public boolean isDeleted() {
        return status == ArtifactStatus.DELETED;
    }

    /** The content to serve, or why there is none (yet, or any more). */
    public StoredContent downloadableContent() {
        if (status == ArtifactStatus.DELETED) {
            throw new ArtifactGoneException(id);
        }
        if (status != ArtifactStatus.READY) {
            throw new ArtifactNotDownloadableException(id, status);
        }
        return content;
    }

    /** This artifact as it was when its generation was accepted: what an idempotent replay shows. */
    public Artifact asAccepted() {
        return new Artifact(id, spaceId, name, documentType, threadIds, declaredMediaType, metadata,
                ArtifactStatus.PENDING, null, null, createdAt, createdAt, 0);
    }

    private Artifact moveTo(ArtifactStatus next, StoredContent newContent, FailureReason reason, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("artifact", id, status, next);
        }
        Instant updated = now.isBefore(updatedAt) ? updatedAt : now;
        return new Artifact(id, spaceId, name, documentType, threadIds, declaredMediaType, metadata,
                next, newContent, reason, createdAt, updated, version);
    }

    private static List<ThreadId> distinct(List<ThreadId> threadIds) {
        List<ThreadId> unique = List.copyOf(new LinkedHashSet<>(threadIds == null ? List.of() : threadIds));
        if (unique.size() > MAX_THREADS) {
            throw new InvalidValueException("thread_ids", "an artifact belongs to at most " + MAX_THREADS + " threads");
        }
        return unique;
    }

    public ArtifactId id() { return id; }
    public SpaceId spaceId() { return spaceId; }
    public ArtifactName name() { return name; }
    public DocumentType documentType() { return documentType; }
    public List<ThreadId> threadIds() { return threadIds; }
    public Optional<MediaType> declaredMediaType() { return Optional.ofNullable(declaredMediaType); }
    public ArtifactMetadata metadata() { return metadata; }
    public ArtifactStatus status() { return status; }
    public Optional<StoredContent> content() { return Optional.ofNullable(content); }
    public Optional<FailureReason> failure() { return Optional.ofNullable(failure); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    /** Optimistic-lock version as last read from storage; transitions keep it, the repository bumps it. */
    public long version() { return version; }

    /** Entities are equal when they are the same artifact, whatever state each copy is in. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Artifact that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Artifact[" + id + ", " + status.wireName() + "]";
    }
}
