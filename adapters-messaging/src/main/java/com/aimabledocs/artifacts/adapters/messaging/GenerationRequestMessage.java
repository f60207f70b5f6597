package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;

/**
 * The Kafka message on the generation-requests topic (schema version 1). Keyed by artifact ID, so the
 * messages of one artifact keep their order. This record is the wire contract: change it only together
 * with the contract's version.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationRequestMessage(int schemaVersion, String jobId, String artifactId, String spaceId,
                                       String stagedObjectKey, String contentSha256, Instant requestedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String EVENT_TYPE = "generation_requested";

    public static GenerationRequestMessage from(GenerationRequest request) {
        return new GenerationRequestMessage(SCHEMA_VERSION, request.jobId().toString(),
                request.artifactId().toString(), request.spaceId().toString(), request.stagedContent().value(),
                request.expectedSha256().map(Sha256::hex).orElse(null), request.requestedAt());
    }

    /** @throws com.aimabledocs.artifacts.domain.shared.InvalidValueException if a field breaks its rules */
    public GenerationRequest toDomain() {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new com.aimabledocs.artifacts.domain.shared.InvalidValueException("schema_version",
                    "unsupported schema_version " + schemaVersion);
        }
        return new GenerationRequest(JobId.parse(jobId), ArtifactId.parse(artifactId), SpaceId.parse(spaceId),
                new ObjectKey(stagedObjectKey),
                Optional.ofNullable(contentSha256).map(s -> Sha256.parse("content_sha256", s)),
                requestedAt == null ? Instant.EPOCH : requestedAt);
    }
}
