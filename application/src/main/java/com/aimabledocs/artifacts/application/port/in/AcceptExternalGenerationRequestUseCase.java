package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes a generation request that another service produced straight to Kafka: creates its artifact and
 * job the first time, stages its content, and returns the request for the worker to process. The
 * producer's {@code request_id} makes it idempotent: the same request again finds the same job.
 */
public interface AcceptExternalGenerationRequestUseCase {

    Accepted accept(ExternalGenerationRequest request);

    /** @param created false when an earlier delivery of the same request created the job already */
    record Accepted(GenerationRequest request, boolean created) {
    }

    /** Inline content is limited so that a message stays well below Kafka's default 1 MiB. */
    int MAX_INLINE_BYTES = 256 * 1024;

    record ExternalGenerationRequest(String requestId, SpaceId spaceId, ArtifactName name, DocumentType type,
                                     List<ThreadId> threadIds, Optional<MediaType> mediaType,
                                     ArtifactMetadata metadata, Optional<Sha256> contentSha256, Content content,
                                     Instant requestedAt) {

        private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7e]{1,255}");

        public ExternalGenerationRequest {
            if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
                throw new InvalidValueException("request_id", "request_id must be 1 to 255 printable ASCII characters");
            }
            Objects.requireNonNull(spaceId, "spaceId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(content, "content");
            threadIds = threadIds == null ? List.of() : List.copyOf(threadIds);
            mediaType = mediaType == null ? Optional.empty() : mediaType;
            metadata = metadata == null ? ArtifactMetadata.EMPTY : metadata;
            contentSha256 = contentSha256 == null ? Optional.empty() : contentSha256;
            requestedAt = requestedAt == null ? Instant.EPOCH : requestedAt;
        }
    }

    /** Where the bytes are: in the message, or in an object the producer put in the bucket first. */
    sealed interface Content {
    }

    record InlineContent(byte[] bytes) implements Content {

        public InlineContent {
            if (bytes == null || bytes.length > MAX_INLINE_BYTES) {
                throw new InvalidValueException("content_base64",
                        "inline content is limited to " + MAX_INLINE_BYTES + " bytes; pass content_ref instead");
            }
        }
    }

    /**
     * An object under {@code incoming/} in the artifacts bucket; it is copied, never modified or removed.
     * {@link ObjectKey#incoming} holds the rules of such a key.
     */
    record ContentReference(ObjectKey key) implements Content {

        public ContentReference {
            if (key == null || !key.isIncoming()) {
                throw new InvalidValueException("content_ref", "content_ref.object_key must start with incoming/");
            }
        }
    }
}
