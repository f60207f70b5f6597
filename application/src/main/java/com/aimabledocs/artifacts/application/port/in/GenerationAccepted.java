package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.job.Job;

/**
 * A generation request was accepted: the new artifact (pending) and its job (queued).
 *
 * @param replayed true when an earlier request with the same Idempotency-Key created them; the artifact
 *                 and job are then shown as they were accepted, so the answer equals the original
 */
public record GenerationAccepted(Artifact artifact, Job job, boolean replayed) {
}
