package com.aimabledocs.artifacts.application.port.in;

/** Accepts a request to generate an artifact: stages its bytes and queues a job, durably, in one go. */
public interface GenerateArtifactUseCase {

    GenerationAccepted generate(GenerateArtifactCommand command);
}
