package com.aimabledocs.artifacts.adapters.rest.generate;

import com.aimabledocs.artifacts.adapters.rest.artifact.ArtifactResponse;
import com.aimabledocs.artifacts.adapters.rest.artifact.JobResponse;
import com.aimabledocs.artifacts.application.port.in.GenerationAccepted;

/** The 202 body of a generate request: the new artifact and the job that will produce it. */
public record GenerationAcceptedResponse(ArtifactResponse artifact, JobResponse job) {

    static GenerationAcceptedResponse of(GenerationAccepted accepted) {
        return new GenerationAcceptedResponse(ArtifactResponse.of(accepted.artifact()), JobResponse.of(accepted.job()));
    }
}
