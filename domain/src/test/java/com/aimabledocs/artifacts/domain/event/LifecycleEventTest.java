package com.aimabledocs.artifacts.domain.event;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.anArtifact;
import static com.aimabledocs.artifacts.domain.job.JobTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleEventTest {

    private static final Instant LATER = Instant.parse("2025-01-15T11:00:00Z");

    @Test
    void givenTransition_between_reportsTheNewStateAndThePreviousStatus() {
        Job queued = aJob().build();
        Job running = queued.start(LATER, "worker-1", LATER.plusSeconds(30));

        JobStatusChanged event = JobStatusChanged.between(queued, running);

        assertThat(event.job()).isSameAs(running);
        assertThat(event.previous()).contains(JobStatus.QUEUED);
        assertThat(event.occurredAt()).isEqualTo(LATER);
        assertThat(event.artifactId()).isEqualTo(queued.artifactId());
        assertThat(event.spaceId()).isEqualTo(queued.spaceId());
    }

    @Test
    void givenNewAggregates_created_hasNoPreviousStatus() {
        Artifact artifact = anArtifact().build();

        assertThat(ArtifactStatusChanged.created(artifact).previous()).isEmpty();
        assertThat(JobStatusChanged.created(aJob().build()).previous()).isEmpty();
    }

    @Test
    void givenNoChangeOfStatus_theEventIsRefused() {
        Job queued = aJob().build();
        Artifact pending = anArtifact().withStatus(ArtifactStatus.PENDING).build();

        assertThatThrownBy(() -> JobStatusChanged.between(queued, queued)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArtifactStatusChanged(pending, Optional.of(ArtifactStatus.PENDING)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTwoDifferentJobs_between_isRefused() {
        Job one = aJob().build();
        Job other = aJob().withId(com.aimabledocs.artifacts.domain.job.JobId.of(java.util.UUID.randomUUID()))
                .withStatus(JobStatus.RUNNING).build();

        assertThatThrownBy(() -> JobStatusChanged.between(one, other)).isInstanceOf(IllegalArgumentException.class);
    }
}
