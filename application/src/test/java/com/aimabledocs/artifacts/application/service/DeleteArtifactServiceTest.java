package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.aGenerateCommand;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.GenerationAccepted;
import com.aimabledocs.artifacts.application.port.in.PurgeDeletedArtifactsUseCase.Purged;
import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactGoneException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.port.ArtifactSearch;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeleteArtifactServiceTest {

    private static final Duration GRACE = Duration.ofHours(1);
    private static final byte[] BYTES = {1, 2, 3, 4};

    private final InMemoryPorts ports = new InMemoryPorts();
    private final DeleteArtifactService delete = new DeleteArtifactService(ports.artifacts, ports.jobs, ports.events,
            ports.unitOfWork, ports.clock);
    private final PurgeDeletedArtifactsService purge = new PurgeDeletedArtifactsService(ports.artifacts, ports.objects,
            ports.unitOfWork, ports.clock, GRACE);

    private GenerationAccepted accepted() {
        return ports.generateArtifactService(3)
                .generate(aGenerateCommand().withContent(BYTES).build());
    }

    @Test
    void givenPendingArtifact_delete_marksItDeletedAndCancelsItsJob() {
        GenerationAccepted accepted = accepted();
        ports.events.clear();

        delete.delete(aPrincipal().build(), DEFAULT_SPACE, accepted.artifact().id());

        assertThat(ports.events.names()).containsExactly("job.canceled<-queued", "artifact.deleted<-pending");
        Artifact artifact = ports.artifacts.get(accepted.artifact().id());
        assertThat(artifact.status()).isEqualTo(ArtifactStatus.DELETED);
        assertThat(artifact.updatedAt()).isEqualTo(ports.clock.peek());
        Job job = ports.jobs.get(accepted.job().id());
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(job.error().orElseThrow().code()).isEqualTo(Job.ARTIFACT_DELETED);
        assertThatThrownBy(artifact::downloadableContent).isInstanceOf(ArtifactGoneException.class);
        assertThat(ports.artifacts.search(new ArtifactSearch(DEFAULT_SPACE, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 10))).as("gone from lists").isEmpty();
        assertThat(ports.artifacts.search(new ArtifactSearch(DEFAULT_SPACE, Optional.empty(), Optional.empty(),
                Optional.of(ArtifactStatus.DELETED), Optional.empty(), 10))).as("unless asked for").hasSize(1);
    }

    @Test
    void givenDeletedArtifact_delete_changesNothing() {
        GenerationAccepted accepted = accepted();
        delete.delete(aPrincipal().build(), DEFAULT_SPACE, accepted.artifact().id());
        int updates = ports.artifacts.updates();
        ports.events.clear();

        delete.delete(aPrincipal().build(), DEFAULT_SPACE, accepted.artifact().id());

        assertThat(ports.artifacts.updates()).isEqualTo(updates);
        assertThat(ports.events.published()).isEmpty();
    }

    @Test
    void givenReadOnlyKey_delete_isForbidden() {
        GenerationAccepted accepted = accepted();

        assertThatThrownBy(() -> delete.delete(aPrincipal().readOnly().build(), DEFAULT_SPACE, accepted.artifact().id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(ports.artifacts.get(accepted.artifact().id()).status()).isEqualTo(ArtifactStatus.PENDING);
    }

    @Test
    void givenUnknownArtifact_delete_isNotFound() {
        assertThatThrownBy(() -> delete.delete(aPrincipal().build(), DEFAULT_SPACE, ArtifactId.of(TestIds.nth(99))))
                .isInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void purge_removesStoredBytesOnlyAfterTheGracePeriod_once() {
        GenerationAccepted accepted = accepted();
        ArtifactId id = accepted.artifact().id();
        ObjectKey content = ObjectKey.contentOf(DEFAULT_SPACE, id);
        ports.objects.store(content, BYTES, null);
        delete.delete(aPrincipal().build(), DEFAULT_SPACE, id);

        ports.clock.advance(GRACE.minusSeconds(1));
        assertThat(purge.purge().count()).as("within the grace period").isZero();
        assertThat(ports.objects.contains(content)).isTrue();

        ports.clock.advance(Duration.ofSeconds(2));
        Purged purged = purge.purge();

        assertThat(purged.count()).isEqualTo(1);
        assertThat(ports.objects.contains(content)).isFalse();
        assertThat(ports.artifacts.isPurged(id)).isTrue();
        assertThat(purge.purge().count()).as("done once").isZero();
    }
}
