package com.aimabledocs.artifacts.adapters.rest;

/** The 202 body of a generate request: the new artifact and the job that will produce it. */
public record GenerationAcceptedResponse(ArtifactResponse artifact, JobResponse job) {
}
