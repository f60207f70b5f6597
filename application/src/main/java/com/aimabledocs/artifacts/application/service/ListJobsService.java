package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ListJobsQuery;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.List;

public final class ListJobsService implements ListJobsQuery {

    private final ArtifactRepository artifacts;
    private final JobRepository jobs;
    private final UnitOfWork unitOfWork;

    public ListJobsService(ArtifactRepository artifacts, JobRepository jobs, UnitOfWork unitOfWork) {
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<Job> list(Principal principal, SpaceId spaceId, ArtifactId artifactId) {
        principal.authorize(spaceId, Scope.ARTIFACTS_READ);
        return unitOfWork.inTransaction(() -> {
            if (artifacts.findById(spaceId, artifactId).isEmpty()) {
                throw new ArtifactNotFoundException(artifactId);
            }
            return jobs.listForArtifact(spaceId, artifactId);
        });
    }
}
