package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.port.ObjectStore.ObjectContent;
import com.aimabledocs.artifacts.domain.space.SpaceId;

/** Opens a ready artifact's content for streaming to the client. */
public interface OpenDownloadQuery {

    Download open(Principal principal, SpaceId spaceId, ArtifactId artifactId);

    /** An open download; the caller streams {@code body} and closes it. */
    record Download(Artifact artifact, StoredContent content, ObjectContent body) implements AutoCloseable {

        @Override
        public void close() {
            body.close();
        }
    }
}
