package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which artifacts to list: filters combined with AND, the position after which to continue, and how
 * many rows to return at most. Without a status filter, deleted artifacts are left out; asking for
 * {@code status = deleted} lists them.
 */
public record ArtifactSearch(SpaceId spaceId, Optional<ThreadId> threadId, Optional<DocumentType> documentType,
                             Optional<ArtifactStatus> status, Optional<Position> after, int limit) {

    public ArtifactSearch {
        Objects.requireNonNull(spaceId, "spaceId");
        threadId = threadId == null ? Optional.empty() : threadId;
        documentType = documentType == null ? Optional.empty() : documentType;
        status = status == null ? Optional.empty() : status;
        after = after == null ? Optional.empty() : after;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** The sort key of the last row seen: the walk continues strictly after it. */
    public record Position(Instant createdAt, ArtifactId id) {

        public Position {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(id, "id");
        }
    }
}
