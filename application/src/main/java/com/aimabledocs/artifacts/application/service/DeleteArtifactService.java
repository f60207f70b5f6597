package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.DeleteArtifactUseCase;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;

/**
 * Marks the artifact deleted and cancels its unfinished jobs in one transaction. A worker finishing a job
 * at the same moment makes the transaction fail as a concurrent update; it is tried again on fresh state.
 */
public final class DeleteArtifactService implements DeleteArtifactUseCase {

    static final int ATTEMPTS = 3;

    private final ArtifactRepository artifacts;
    private final JobRepository jobs;
    private final LifecycleEventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public DeleteArtifactService(ArtifactRepository artifacts, JobRepository jobs, LifecycleEventPublisher events,
                                 UnitOfWork unitOfWork, Clock clock) {
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void delete(Principal principal, SpaceId spaceId, ArtifactId artifactId) {
        principal.authorize(spaceId, Scope.ARTIFACTS_WRITE);
        for (int attempt = 1; ; attempt++) {
            try {
                unitOfWork.inTransaction(() -> deleteOnce(spaceId, artifactId));
                return;
            } catch (ConcurrentUpdateException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private void deleteOnce(SpaceId spaceId, ArtifactId artifactId) {
        Artifact artifact = artifacts.findById(spaceId, artifactId)
                .orElseThrow(() -> new ArtifactNotFoundException(artifactId));
        if (artifact.isDeleted()) {
            return;
        }
        Instant now = clock.now();
        for (Job job : jobs.listForArtifact(spaceId, artifactId)) {
            if (!job.status().isFinal()) {
                Job canceled = job.cancel(now);
                jobs.update(canceled);
                events.publish(JobStatusChanged.between(job, canceled));
            }
        }
        Artifact deleted = artifact.delete(now);
        artifacts.update(deleted);
        events.publish(ArtifactStatusChanged.between(artifact, deleted));
    }
}
