package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The work a generation job asks of a worker: store the staged bytes as the artifact's content.
 *
 * @param stagedContent  where the bytes wait: the artifact's content key
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
        // The worker reads the staged object and may delete it: a request may only name its own artifact's
        // content key, never another artifact's content or an object a producer left under incoming/.
        if (!stagedContent.equals(ObjectKey.contentOf(spaceId, artifactId))) {
            throw new InvalidValueException("staged_object_key",
                    "a generation request's bytes are staged under its own artifact's content key, not "
                            + stagedContent.value());
        }
    }
}
