package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.anArtifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GetArtifactServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final GetArtifactService service = new GetArtifactService(ports.artifacts, ports.unitOfWork);
    private final Principal reader = aPrincipal().readOnly().build();

    @ParameterizedTest
    @EnumSource
    void givenArtifactInAnyState_get_returnsItAsStored(ArtifactStatus status) {
        Artifact artifact = anArtifact().withStatus(status).build();
        ports.artifacts.add(artifact);

        Artifact found = service.get(reader, DEFAULT_SPACE, artifact.id());

        assertThat(found).usingRecursiveComparison().isEqualTo(artifact);
        assertThat(ports.unitOfWork.transactions()).isZero();
        assertThat(ports.unitOfWork.reads()).isEqualTo(1);
    }

    @Test
    void givenUnknownArtifact_get_isNotFound() {
        ArtifactId unknown = ArtifactId.of(TestIds.next());

        assertThatThrownBy(() -> service.get(reader, DEFAULT_SPACE, unknown))
                .isInstanceOfSatisfying(ArtifactNotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"))
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void givenArtifactOfAnotherSpace_get_isNotFound() {
        Artifact elsewhere = anArtifact().inSpace(SpaceId.of(TestIds.next())).build();
        ports.artifacts.add(elsewhere);

        assertThatThrownBy(() -> service.get(reader, DEFAULT_SPACE, elsewhere.id()))
                .isInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void givenPrincipalOfAnotherSpace_get_isNotFoundWithoutLookingUp() {
        SpaceId otherSpace = SpaceId.of(TestIds.next());
        Artifact elsewhere = anArtifact().inSpace(otherSpace).build();
        ports.artifacts.add(elsewhere);

        assertThatThrownBy(() -> service.get(reader, otherSpace, elsewhere.id()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThat(ports.unitOfWork.transactions()).isZero();
        assertThat(ports.unitOfWork.reads()).isZero();
    }

    @Test
    void givenWriteOnlyPrincipal_get_isForbidden() {
        Artifact artifact = anArtifact().build();
        ports.artifacts.add(artifact);

        assertThatThrownBy(() -> service.get(aPrincipal().writeOnly().build(), DEFAULT_SPACE, artifact.id()))
                .isInstanceOf(ForbiddenException.class);
    }
}
