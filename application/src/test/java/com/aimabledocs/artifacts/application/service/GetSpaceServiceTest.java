package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.service.AdminTestSupport.ADMIN;
import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import org.junit.jupiter.api.Test;

class GetSpaceServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final GetSpaceService service = new GetSpaceService(ports.spaces, ports.unitOfWork);
    private final Space space = new Space(SpaceId.of(TestIds.next()), "Docs", ports.clock.peek());

    GetSpaceServiceTest() {
        ports.spaces.add(space);
    }

    @Test
    void givenAdmin_get_returnsAnySpace() {
        assertThat(service.get(ADMIN, space.id())).isEqualTo(space);
    }

    @Test
    void givenAdminAndUnknownSpace_get_isNotFound() {
        assertThatThrownBy(() -> service.get(ADMIN, SpaceId.of(TestIds.next())))
                .isInstanceOf(SpaceNotFoundException.class);
    }

    @Test
    void givenKeyOfThatSpaceWithAnyScope_get_returnsIt() {
        assertThat(service.get(aPrincipal().inSpace(space.id()).withScopes(Scope.ARTIFACTS_WRITE).build(), space.id()))
                .isEqualTo(space);
        assertThat(service.get(aPrincipal().inSpace(space.id()).readOnly().build(), space.id())).isEqualTo(space);
    }

    @Test
    void givenKeyOfAnotherSpace_get_isNotFoundWithoutLookingTheSpaceUp() {
        var otherKey = aPrincipal().inSpace(SpaceId.of(TestIds.next())).build();

        assertThatThrownBy(() -> service.get(otherKey, space.id())).isInstanceOf(SpaceNotFoundException.class)
                .satisfies(e -> assertThat(((SpaceNotFoundException) e).code()).isEqualTo("not_found"));
        assertThat(ports.unitOfWork.transactions()).isZero();
    }
}
