package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Lists a space's artifacts newest first, one keyset page at a time. */
public interface ListArtifactsQuery {

    int DEFAULT_LIMIT = 25;
    int MAX_LIMIT = 100;

    Page list(Request request);

    /**
     * @param cursor the {@code next_cursor} of the previous page, opaque to the client
     * @param limit  1 to {@value #MAX_LIMIT}
     */
    record Request(Principal principal, SpaceId spaceId, Optional<ThreadId> threadId,
                   Optional<DocumentType> documentType, Optional<ArtifactStatus> status,
                   Optional<String> cursor, int limit) {

        public Request {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(spaceId, "spaceId");
            threadId = threadId == null ? Optional.empty() : threadId;
            documentType = documentType == null ? Optional.empty() : documentType;
            status = status == null ? Optional.empty() : status;
            cursor = cursor == null ? Optional.empty() : cursor;
        }
    }

    /** @param nextCursor present exactly when more rows follow */
    record Page(List<Artifact> items, Optional<String> nextCursor) {

        public Page {
            items = List.copyOf(items);
        }

        public boolean hasMore() {
            return nextCursor.isPresent();
        }
    }
}
