package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.Accepted;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.ContentReference;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.ExternalGenerationRequest;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.InlineContent;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Finished;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcceptExternalGenerationRequestServiceTest {

    private static final byte[] BYTES = "from another service".getBytes(StandardCharsets.UTF_8);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final AcceptExternalGenerationRequestService service = new AcceptExternalGenerationRequestService(
            ports.spaces, ports.artifacts, ports.jobs, ports.objects, ports.events, ports.unitOfWork, ports.clock, 3);
    private final SpaceId space = SpaceId.of(UUID.randomUUID());

    @BeforeEach
    void aSpace() {
        ports.unitOfWork.inTransaction(() -> ports.spaces.add(new Space(space, "external", ports.clock.now())));
    }

    private ExternalGenerationRequest request(String requestId, SpaceId target,
                                              com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.Content content) {
        return new ExternalGenerationRequest(requestId, target, new ArtifactName("report.txt"), DocumentType.TEXT,
                List.of(new ThreadId("thread-7")), Optional.of(MediaType.parse("text/plain")), ArtifactMetadata.EMPTY,
                Optional.empty(), content, ports.clock.now());
    }

    @Test
    void givenNewInlineRequest_accept_createsPendingArtifactQueuedJobAndStagesTheBytes() {
        Accepted accepted = service.accept(request("req-1", space, new InlineContent(BYTES)));

        assertThat(accepted.created()).isTrue();
        assertThat(ports.artifacts.get(accepted.request().artifactId()).status()).isEqualTo(ArtifactStatus.PENDING);
        assertThat(ports.jobs.get(accepted.request().jobId()).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(ports.objects.bytesAt(accepted.request().stagedContent())).isEqualTo(BYTES);
        assertThat(accepted.request().stagedContent())
                .isEqualTo(ObjectKey.contentOf(space, accepted.request().artifactId()));
    }

    @Test
    void givenSameRequestTwice_accept_findsTheSameJobAndCreatesNothingNew() {
        Accepted first = service.accept(request("req-2", space, new InlineContent(BYTES)));
        int puts = ports.objects.putCount();

        Accepted second = service.accept(request("req-2", space, new InlineContent(BYTES)));

        assertThat(second.created()).isFalse();
        assertThat(second.request().jobId()).isEqualTo(first.request().jobId());
        assertThat(second.request().artifactId()).isEqualTo(first.request().artifactId());
        assertThat(ports.objects.putCount()).isEqualTo(puts);
    }

    @Test
    void givenSameRequestIdInAnotherSpace_accept_makesAnotherArtifact() {
        SpaceId other = SpaceId.of(UUID.randomUUID());
        ports.unitOfWork.inTransaction(() -> ports.spaces.add(new Space(other, "other", ports.clock.now())));

        Accepted here = service.accept(request("req-3", space, new InlineContent(BYTES)));
        Accepted there = service.accept(request("req-3", other, new InlineContent(BYTES)));

        assertThat(there.request().artifactId()).isNotEqualTo(here.request().artifactId());
    }

    @Test
    void givenUnknownSpace_accept_isRefusedAndStagesNothing() {
        assertThatThrownBy(() -> service.accept(request("req-4", SpaceId.of(UUID.randomUUID()), new InlineContent(BYTES))))
                .isInstanceOf(SpaceNotFoundException.class);
        assertThat(ports.objects.putCount()).isZero();
    }

    @Test
    void givenContentReference_accept_copiesTheObjectAndLeavesTheOriginal() {
        ObjectKey incoming = new ObjectKey("incoming/producer-a/report");
        ports.objects.store(incoming, BYTES, MediaType.OCTET_STREAM);

        Accepted accepted = service.accept(request("req-5", space, new ContentReference(incoming)));

        assertThat(ports.objects.bytesAt(accepted.request().stagedContent())).isEqualTo(BYTES);
        assertThat(ports.objects.bytesAt(incoming)).isEqualTo(BYTES);
    }

    @Test
    void givenMissingReferencedObject_accept_isRefusedAsInvalidContentRef() {
        assertThatThrownBy(() -> service.accept(request("req-6", space,
                new ContentReference(new ObjectKey("incoming/nothing-here")))))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("invalid_content_ref");
    }

    @Test
    void givenReferenceOutsideIncoming_request_isRefused() {
        assertThatThrownBy(() -> new ContentReference(new ObjectKey("spaces/x/artifacts/y/content")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenContentReferenceWithAKeyS3Allows_acceptAndProcess_makeAReadyArtifactWithTheSameBytes() {
        ObjectKey incoming = ObjectKey.incoming("incoming/Scanner/2026-12/scan.v2.PDF");
        ports.objects.store(incoming, BYTES, MediaType.OCTET_STREAM);

        Accepted accepted = service.accept(request("req-8", space, new ContentReference(incoming)));
        ProcessGenerationRequestService process = new ProcessGenerationRequestService(ports.artifacts, ports.spaces, ports.jobs,
                ports.objects, ports.detector, ports.events, ports.unitOfWork, ports.clock,
                new RetryPolicy(Duration.ofMillis(10), Duration.ofSeconds(1), () -> 0.5),
                new LeaseTerms("worker-a", Duration.ofSeconds(30)), new HeldJobs());

        assertThat(process.process(accepted.request())).isInstanceOf(Finished.class);
        assertThat(ports.artifacts.get(accepted.request().artifactId()).status()).isEqualTo(ArtifactStatus.READY);
        assertThat(ports.objects.bytesAt(accepted.request().stagedContent())).isEqualTo(BYTES);
        assertThat(ports.objects.bytesAt(incoming)).as("the producer's object is left alone").isEqualTo(BYTES);
    }

    @Test
    void givenReferenceWithADotDotSegment_request_isRefusedAsInvalidObjectKey() {
        assertThatThrownBy(() -> new ContentReference(ObjectKey.incoming("incoming/../spaces/x")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_object_key"));
    }

    @Test
    void givenInlineContentAboveTheLimit_request_isRefused() {
        assertThatThrownBy(() -> new InlineContent(new byte[256 * 1024 + 1]))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenAcceptedRequest_processing_makesItReady() {
        Accepted accepted = service.accept(request("req-7", space, new InlineContent(BYTES)));
        ProcessGenerationRequestService process = new ProcessGenerationRequestService(ports.artifacts, ports.spaces, ports.jobs,
                ports.objects, ports.detector, ports.events, ports.unitOfWork, ports.clock,
                new RetryPolicy(Duration.ofMillis(10), Duration.ofSeconds(1), () -> 0.5),
                new LeaseTerms("worker-a", Duration.ofSeconds(30)), new HeldJobs());

        assertThat(process.process(accepted.request())).isInstanceOf(Finished.class);
        assertThat(ports.artifacts.get(accepted.request().artifactId()).status()).isEqualTo(ArtifactStatus.READY);
        assertThat(ports.artifacts.get(accepted.request().artifactId()).content().orElseThrow().sizeBytes())
                .isEqualTo(BYTES.length);
    }
}
