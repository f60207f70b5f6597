package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.service.AdminTestSupport.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.IssueApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeyNotFoundException;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GetApiKeyServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final GetApiKeyService service = new GetApiKeyService(ports.apiKeys, ports.unitOfWork);
    private final SpaceId space = SpaceId.of(TestIds.next());

    @Test
    void get_findsTheKeyOnlyInItsSpace() {
        ports.spaces.add(new Space(space, "Docs", ports.clock.peek()));
        var key = new IssueApiKeyService(ports.spaces, ports.apiKeys, ports.unitOfWork, ports.clock, ports.ids,
                new SecureRandom()).issue(ADMIN, new IssueApiKeyUseCase.Command(space, Optional.empty(),
                Set.of(Scope.ARTIFACTS_READ))).key();

        assertThat(service.get(ADMIN, space, key.id())).isEqualTo(key);
        assertThatThrownBy(() -> service.get(ADMIN, SpaceId.of(TestIds.next()), key.id()))
                .isInstanceOf(ApiKeyNotFoundException.class);
        assertThatThrownBy(() -> service.get(ADMIN, space, ApiKeyId.of(TestIds.next())))
                .isInstanceOf(ApiKeyNotFoundException.class);
    }
}
