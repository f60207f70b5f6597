package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The work a generation job asks of a worker: store the staged bytes as the artifact's content.
 *
 * @param expectedSha256 the digest the client declared, if any; the worker fails the job when the bytes differ
 */
public record GenerationRequest(JobId jobId, ArtifactId artifactId, SpaceId spaceId, ObjectKey stagedContent,
                                Optional<Sha256> expectedSha256, Instant requestedAt) {

    public GenerationRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(stagedContent, "stagedContent");
        Objects.requireNonNull(requestedAt, "requestedAt");
        expectedSha256 = expectedSha256 == null ? Optional.empty() : expectedSha256;
    }
}
