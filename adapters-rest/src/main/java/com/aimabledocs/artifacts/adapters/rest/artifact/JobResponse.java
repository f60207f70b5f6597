package com.aimabledocs.artifacts.adapters.rest.artifact;

import com.aimabledocs.artifacts.domain.job.Job;
import java.time.Instant;

public record JobResponse(String id, String artifactId, String kind, String status, int attempt, int maxAttempts,
                          Instant nextRetryAt, ErrorBody error, Instant createdAt, Instant startedAt,
                          Instant finishedAt, Instant updatedAt) {

    public static JobResponse of(Job j) {
        return new JobResponse(j.id().toString(), j.artifactId().toString(), j.kind().wireName(),
                j.status().wireName(), j.attempt(), j.maxAttempts(), j.nextRetryAt().orElse(null),
                j.error().map(ErrorBody::of).orElse(null), j.createdAt(), j.startedAt().orElse(null),
                j.finishedAt().orElse(null), j.updatedAt());
    }
}
