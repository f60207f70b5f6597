package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.anArtifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData;
import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery.Download;
import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotDownloadableException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenDownloadServiceTest {

    private static final byte[] PDF_BYTES = "%PDF-1.7 pretend".getBytes(StandardCharsets.US_ASCII);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final OpenDownloadService service = new OpenDownloadService(ports.artifacts, ports.objects, ports.unitOfWork);
    private final Principal reader = aPrincipal().readOnly().build();

    private Artifact readyArtifactWithStoredBytes() {
        StoredContent content = new StoredContent(PDF_BYTES.length, GenerateArtifactCommandTestData.sha256Of(PDF_BYTES),
                MediaType.parse("application/pdf"));
        Artifact artifact = anArtifact().withStatus(ArtifactStatus.READY).withContent(content).build();
        ports.artifacts.add(artifact);
        ports.objects.store(ObjectKey.contentOf(artifact.spaceId(), artifact.id()), PDF_BYTES, content.mediaType());
        return artifact;
    }

    @Test
    void givenReadyArtifact_download_streamsItsBytes() throws IOException {
        Artifact artifact = readyArtifactWithStoredBytes();

        try (Download download = service.open(reader, DEFAULT_SPACE, artifact.id())) {
            assertThat(download.artifact()).isEqualTo(artifact);
            assertThat(download.content()).isEqualTo(artifact.content().orElseThrow());
            assertThat(download.body().length()).isEqualTo(PDF_BYTES.length);
            assertThat(download.body().stream().readAllBytes()).isEqualTo(PDF_BYTES);
        }
        assertThat(ports.objects.openStreams()).as("closing the download closes the object").isZero();
    }

    @ParameterizedTest
    @EnumSource(names = {"PENDING", "PROCESSING"})
    void givenArtifactNotReadyYet_download_isRefusedAsNotReady(ArtifactStatus status) {
        Artifact artifact = anArtifact().withStatus(status).build();
        ports.artifacts.add(artifact);

        assertThatThrownBy(() -> service.open(reader, DEFAULT_SPACE, artifact.id()))
                .isInstanceOfSatisfying(ArtifactNotDownloadableException.class,
                        e -> assertThat(e.code()).isEqualTo("artifact_not_ready"));
        assertThat(ports.objects.openStreams()).isZero();
    }

    @Test
    void givenPendingArtifact_download_isRefusedAsNotReady() {
        Artifact artifact = anArtifact().withStatus(ArtifactStatus.PENDING).build();
        ports.artifacts.add(artifact);

        assertThatThrownBy(() -> service.open(reader, DEFAULT_SPACE, artifact.id()))
                .isInstanceOf(ArtifactNotDownloadableException.class)
                .hasMessageContaining("pending");
    }

    @Test
    void givenFailedArtifact_download_isRefusedAsFailed() {
        Artifact artifact = anArtifact().withStatus(ArtifactStatus.FAILED).build();
        ports.artifacts.add(artifact);

        assertThatThrownBy(() -> service.open(reader, DEFAULT_SPACE, artifact.id()))
                .isInstanceOfSatisfying(ArtifactNotDownloadableException.class,
                        e -> assertThat(e.code()).isEqualTo("artifact_failed"));
    }

    @Test
    void givenUnknownArtifact_download_isNotFound() {
        assertThatThrownBy(() -> service.open(reader, DEFAULT_SPACE, ArtifactId.of(TestIds.next())))
                .isInstanceOfSatisfying(ArtifactNotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void givenArtifactOfAnotherSpace_download_isNotFound() {
        Artifact elsewhere = anArtifact().inSpace(SpaceId.of(TestIds.next())).withStatus(ArtifactStatus.READY).build();
        ports.artifacts.add(elsewhere);

        assertThatThrownBy(() -> service.open(reader, DEFAULT_SPACE, elsewhere.id()))
                .isInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void givenReadyArtifactWhoseObjectIsGone_download_failsLoudly() {
        Artifact artifact = readyArtifactWithStoredBytes();
        ports.objects.lose(ObjectKey.contentOf(artifact.spaceId(), artifact.id()));

        assertThatThrownBy(() -> service.open(reader, DEFAULT_SPACE, artifact.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(artifact.id().toString());
    }

    @Test
    void givenWriteOnlyPrincipal_download_isForbidden() {
        Artifact artifact = readyArtifactWithStoredBytes();

        assertThatThrownBy(() -> service.open(aPrincipal().writeOnly().build(), DEFAULT_SPACE, artifact.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(ports.objects.openStreams()).isZero();
    }

    @Test
    void givenReadyArtifact_find_opensNothing() {
        Artifact artifact = readyArtifactWithStoredBytes();

        var downloadable = service.find(reader, DEFAULT_SPACE, artifact.id());

        assertThat(downloadable.content()).isEqualTo(artifact.content().orElseThrow());
        assertThat(ports.objects.openStreams()).isZero();
    }

    @Test
    void givenRange_open_streamsOnlyThoseBytes() throws IOException {
        Artifact artifact = readyArtifactWithStoredBytes();
        var downloadable = service.find(reader, DEFAULT_SPACE, artifact.id());

        try (Download download = service.open(downloadable, java.util.Optional.of(
                new com.aimabledocs.artifacts.domain.artifact.ByteRange(1, 4)))) {
            assertThat(download.body().length()).isEqualTo(4);
            assertThat(download.body().stream().readAllBytes()).isEqualTo("PDF-".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(ports.objects.openStreams()).isZero();
    }

    @Test
    void givenRangeBeyondTheContent_open_isRefusedBeforeStorage() {
        Artifact artifact = readyArtifactWithStoredBytes();
        var downloadable = service.find(reader, DEFAULT_SPACE, artifact.id());

        assertThatThrownBy(() -> service.open(downloadable, java.util.Optional.of(
                new com.aimabledocs.artifacts.domain.artifact.ByteRange(0, PDF_BYTES.length))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ports.objects.openStreams()).isZero();
    }

    @Test
    void givenReadyArtifact_presign_asksTheStoreForTheContentKey() {
        Artifact artifact = readyArtifactWithStoredBytes();
        var downloadable = service.find(reader, DEFAULT_SPACE, artifact.id());

        var url = service.presign(downloadable, java.time.Duration.ofMinutes(5),
                new com.aimabledocs.artifacts.domain.port.ObjectStore.ResponseOverrides("application/pdf", "attachment"));

        assertThat(url.toString()).contains(ObjectKey.contentOf(artifact.spaceId(), artifact.id()).value())
                .contains("valid-for=300");
        assertThat(ports.objects.openStreams()).isZero();
    }
}
