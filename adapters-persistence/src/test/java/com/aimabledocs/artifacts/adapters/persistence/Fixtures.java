package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

/** Shared test data for the repository tests. Times are whole microseconds, the precision of timestamptz. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final StoredContent CONTENT = new StoredContent(11,
            new Sha256("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"), new MediaType("text/plain"));
    static final FailureReason FAILURE = new FailureReason("staged_content_missing", "the content staged for this job is gone");

    /** PostgreSQL orders uuid values as unsigned bytes; {@link UUID#compareTo} compares signed longs. */
    static final Comparator<UUID> POSTGRES_UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    /** The list order of artifacts: newest first, ties broken by the larger ID. */
    static final Comparator<Artifact> LIST_ORDER = Comparator
            .comparing(Artifact::createdAt)
            .thenComparing(a -> a.id().value(), POSTGRES_UUID_ORDER)
            .reversed();

    private Fixtures() {
    }

    /** Adds a new space in its own transaction; artifacts, jobs and keys refer to one. */
    static SpaceId newSpace(UnitOfWork unitOfWork, SpaceRepository spaces) {
        SpaceId id = SpaceId.of(UUID.randomUUID());
        unitOfWork.inTransaction(() -> spaces.add(new Space(id, "test space " + id, T0)));
        return id;
    }

    static Artifact pending(SpaceId space, String... threads) {
        return Artifact.request(ArtifactId.of(UUID.randomUUID()), space, new ArtifactName("report.pdf"),
                DocumentType.DOCUMENT, Arrays.stream(threads).map(ThreadId::new).toList(), null,
                ArtifactMetadata.EMPTY, T0);
    }

    /** An artifact in any status, with the content or failure reason that status requires. */
    static Artifact inStatus(SpaceId space, ArtifactStatus status, DocumentType type, Instant createdAt,
                             String... threads) {
        return Artifact.restore(ArtifactId.of(UUID.randomUUID()), space, new ArtifactName("artifact " + createdAt),
                type, Arrays.stream(threads).map(ThreadId::new).toList(), null, ArtifactMetadata.EMPTY, status,
                status == ArtifactStatus.READY ? CONTENT : null, status == ArtifactStatus.FAILED ? FAILURE : null,
                createdAt, createdAt, 0);
    }
}
