package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.service.AdminTestSupport.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.Space;
import org.junit.jupiter.api.Test;

class CreateSpaceServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final CreateSpaceService service =
            new CreateSpaceService(ports.spaces, ports.unitOfWork, ports.clock, ports.ids);

    @Test
    void create_storesANewSpaceWithAServerMadeIdInOneTransaction() {
        Space space = service.create(ADMIN, "Marketing");

        assertThat(space.name()).isEqualTo("Marketing");
        assertThat(space.id().value()).isEqualTo(ports.ids.issued().get(0));
        assertThat(space.createdAt()).isEqualTo(ports.clock.peek());
        assertThat(ports.spaces.all()).containsExactly(space);
        assertThat(ports.unitOfWork.transactions()).isEqualTo(1);
    }

    @Test
    void givenSameNameTwice_create_makesTwoSpaces() {
        Space first = service.create(ADMIN, "Marketing");
        Space second = service.create(ADMIN, "Marketing");

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(ports.spaces.all()).hasSize(2);
    }

    @Test
    void givenBlankOrOverlongName_create_isInvalidNameAndStoresNothing() {
        for (String bad : new String[] {null, "", "  ", "n".repeat(Space.MAX_NAME_LENGTH + 1)}) {
            assertThatThrownBy(() -> service.create(ADMIN, bad))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        }
        assertThat(ports.spaces.all()).isEmpty();
    }
}
