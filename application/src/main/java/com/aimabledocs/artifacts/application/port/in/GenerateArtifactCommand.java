package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a generate request says, already parsed into domain values.
 *
 * @param content       the bytes to store, streamed; the use case reads exactly {@code contentLength} bytes
 * @param idempotency   the client's Idempotency-Key and the SHA-256 of the content, when it sent a key
 */
public record GenerateArtifactCommand(Principal principal, SpaceId spaceId, ArtifactName name,
                                      DocumentType documentType, List<ThreadId> threadIds,
                                      Optional<MediaType> mediaType, ArtifactMetadata metadata,
                                      Optional<Sha256> contentSha256, InputStream content, long contentLength,
                                      Optional<Idempotency> idempotency) {

    public GenerateArtifactCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(content, "content");
        threadIds = threadIds == null ? List.of() : List.copyOf(threadIds);
        if (threadIds.stream().distinct().count() > Artifact.MAX_THREADS) {
            // Checked here too, so a request with too many threads is refused before its bytes are staged.
            throw new InvalidValueException("thread_ids", "an artifact belongs to at most " + Artifact.MAX_THREADS + " threads");
        }
        mediaType = mediaType == null ? Optional.empty() : mediaType;
        metadata = metadata == null ? ArtifactMetadata.EMPTY : metadata;
        contentSha256 = contentSha256 == null ? Optional.empty() : contentSha256;
        idempotency = idempotency == null ? Optional.empty() : idempotency;
        if (contentLength < 0) {
            throw new InvalidValueException("content", "content length must not be negative");
        }
    }

    /**
     * The client's key, and the SHA-256 of the content as received (not the declared {@code contentSha256}),
     * known before the bytes are staged: with the other fields, it makes the fingerprint of the request the key
     * guards, which the use case computes.
     */
    public record Idempotency(String key, Sha256 contentSha256) {

        public Idempotency {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(contentSha256, "contentSha256");
        }
    }
}
