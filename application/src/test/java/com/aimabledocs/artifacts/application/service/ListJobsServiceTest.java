package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.anArtifact;
import static com.aimabledocs.artifacts.domain.job.JobTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import org.junit.jupiter.api.Test;

class ListJobsServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final ListJobsService service = new ListJobsService(ports.artifacts, ports.jobs, ports.unitOfWork);
    private final Principal reader = aPrincipal().readOnly().build();

    @Test
    void givenArtifactWithJobs_list_returnsOnlyItsJobsOldestFirst() {
        Artifact artifact = anArtifact().build();
        ports.artifacts.add(artifact);
        Job newer = aJob().forArtifact(artifact).withStatus(JobStatus.RUNNING).createdAt(DEFAULT_CREATED_AT.plusSeconds(60)).build();
        Job older = aJob().forArtifact(artifact).withStatus(JobStatus.FAILED).createdAt(DEFAULT_CREATED_AT).build();
        Job otherArtifactsJob = aJob().build();
        ports.jobs.add(newer);
        ports.jobs.add(older);
        ports.jobs.add(otherArtifactsJob);

        assertThat(service.list(reader, DEFAULT_SPACE, artifact.id())).containsExactly(older, newer);
    }

    @Test
    void givenArtifactWithoutJobs_list_isEmpty() {
        Artifact artifact = anArtifact().build();
        ports.artifacts.add(artifact);

        assertThat(service.list(reader, DEFAULT_SPACE, artifact.id())).isEmpty();
    }

    @Test
    void givenUnknownArtifact_list_isNotFound() {
        ArtifactId unknown = ArtifactId.of(TestIds.next());
        ports.jobs.add(aJob().forArtifact(unknown, DEFAULT_SPACE).build());

        assertThatThrownBy(() -> service.list(reader, DEFAULT_SPACE, unknown))
                .isInstanceOfSatisfying(ArtifactNotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void givenArtifactOfAnotherSpace_list_isNotFound() {
        SpaceId otherSpace = SpaceId.of(TestIds.next());
        Artifact elsewhere = anArtifact().inSpace(otherSpace).build();
        ports.artifacts.add(elsewhere);
        ports.jobs.add(aJob().forArtifact(elsewhere).build());

        assertThatThrownBy(() -> service.list(reader, DEFAULT_SPACE, elsewhere.id()))
                .isInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> service.list(reader, otherSpace, elsewhere.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenWriteOnlyPrincipal_list_isForbidden() {
        Artifact artifact = anArtifact().build();
        ports.artifacts.add(artifact);

        assertThatThrownBy(() -> service.list(aPrincipal().writeOnly().build(), DEFAULT_SPACE, artifact.id()))
                .isInstanceOf(ForbiddenException.class);
    }
}
