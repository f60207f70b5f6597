package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An event on the events topic (schema version 1): a job or an artifact entered a status. Keyed by
 * artifact ID, so the events of one artifact arrive in order. {@code event_id} is unique per event; a
 * consumer deduplicates by it, since delivery is at least once.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleEventMessage(int schemaVersion, String eventId, String eventType, Instant occurredAt,
                                    String spaceId, String artifactId, String jobId, String status,
                                    String previousStatus, Integer attempt, Instant nextRetryAt, Error error,
                                    Long sizeBytes, String sha256, String mediaType) {

    public static final int SCHEMA_VERSION = 1;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Error(String code, String message) {

        static Error of(FailureReason reason) {
            return new Error(reason.code(), reason.message());
        }
    }

    /** {@code job.queued}, {@code job.running}, {@code job.succeeded}, {@code job.failed}. */
    public static LifecycleEventMessage of(Job job, Optional<JobStatus> previous) {
        return new LifecycleEventMessage(SCHEMA_VERSION, UUID.randomUUID().toString(),
                "job." + job.status().wireName(), job.updatedAt(), job.spaceId().toString(),
                job.artifactId().toString(), job.id().toString(), job.status().wireName(),
                previous.map(JobStatus::wireName).orElse(null), job.attempt(), job.nextRetryAt().orElse(null),
                job.error().map(Error::of).orElse(null), null, null, null);
    }

    /** {@code artifact.pending}, {@code artifact.processing}, {@code artifact.ready}, {@code artifact.failed}. */
    public static LifecycleEventMessage of(Artifact artifact, Optional<ArtifactStatus> previous) {
        return new LifecycleEventMessage(SCHEMA_VERSION, UUID.randomUUID().toString(),
                "artifact." + artifact.status().wireName(), artifact.updatedAt(), artifact.spaceId().toString(),
                artifact.id().toString(), null, artifact.status().wireName(),
                previous.map(ArtifactStatus::wireName).orElse(null), null, null,
                artifact.failure().map(Error::of).orElse(null),
                artifact.content().map(c -> c.sizeBytes()).orElse(null),
                artifact.content().map(c -> c.sha256().hex()).orElse(null),
                artifact.content().map(c -> c.mediaType()).map(MediaType::value).orElse(null));
    }
}
