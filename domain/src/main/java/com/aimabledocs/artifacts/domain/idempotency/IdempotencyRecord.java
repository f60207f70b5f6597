package com.aimabledocs.artifacts.domain.idempotency;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a completed idempotent request created. The replayed response is rebuilt from the artifact and
 * job as they were accepted, which makes it identical to the original.
 *
 * @param requestFingerprint SHA-256 over the canonical request; a different one under the same key is refused
 * @param createdAt          when the key was first reserved; retention counts from here
 */
public record IdempotencyRecord(IdempotencyKey key, String requestFingerprint, ArtifactId artifactId, JobId jobId,
                                Instant createdAt) implements IdempotencyEntry {

    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public boolean isPurgeableBefore(Instant cutoff) {
        return createdAt.isBefore(cutoff);
    }
}
