package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.port.ObjectStore.ObjectContent;
import com.aimabledocs.artifacts.domain.port.ObjectStore.ResponseOverrides;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads of ready artifacts: {@link #find} checks access and readiness without touching storage (enough for
 * HEAD, 304 and 416 answers); {@link #open} then streams the whole content or one range of it, and
 * {@link #presign} hands out a short-lived storage URL instead.
 */
public interface OpenDownloadQuery {

    /** The artifact and its stored content, once the principal may read it and it is ready; opens nothing. */
    Downloadable find(Principal principal, SpaceId spaceId, ArtifactId artifactId);

    /** Opens the content, or only {@code range} of it (which must lie within the content); the caller closes it. */
    Download open(Downloadable downloadable, Optional<ByteRange> range);

    /** A URL from which a plain HTTP client can GET the content for {@code validFor}, with {@code overrides}. */
    URI presign(Downloadable downloadable, Duration validFor, ResponseOverrides overrides);

    /** Finds and opens the whole content. */
    default Download open(Principal principal, SpaceId spaceId, ArtifactId artifactId) {
        return open(find(principal, spaceId, artifactId), Optional.empty());
    }

    /** A ready artifact the caller may read. */
    record Downloadable(Artifact artifact, StoredContent content) {
    }

    /** An open download; the caller streams {@code body} and closes it. */
    record Download(Artifact artifact, StoredContent content, ObjectContent body) implements AutoCloseable {

        @Override
        public void close() {
            body.close();
        }
    }
}
