package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.List;

public interface ListJobsQuery {

    /** The artifact's jobs, oldest first. */
    List<Job> list(Principal principal, SpaceId spaceId, ArtifactId artifactId);
}
