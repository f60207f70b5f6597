package com.aimabledocs.artifacts.adapters.rest.artifact;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An artifact as clients see it. {@code media_type} is the one it is served as once ready, else the
 * declared one; {@code detected_media_type} what the bytes were detected as.
 */
public record ArtifactResponse(String id, String spaceId, String name, String documentType, String status,
                               List<String> threadIds, String mediaType, String detectedMediaType,
                               Long sizeBytes, String sha256,
                               Map<String, String> metadata, ErrorBody error, Instant createdAt,
                               Instant updatedAt) {

    public static ArtifactResponse of(Artifact a) {
        return new ArtifactResponse(a.id().toString(), a.spaceId().toString(), a.name().value(),
                a.documentType().wireName(), a.status().wireName(),
                a.threadIds().stream().map(ThreadId::value).toList(),
                a.content().map(c -> c.mediaType().value())
                        .orElse(a.declaredMediaType().map(MediaType::value).orElse(null)),
                a.content().map(c -> c.detectedMediaType().value()).orElse(null),
                a.content().map(StoredContent::sizeBytes).orElse(null),
                a.content().map(c -> c.sha256().hex()).orElse(null),
                a.metadata().entries(), a.failure().map(ErrorBody::of).orElse(null), a.createdAt(), a.updatedAt());
    }
}
