package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.service.AdminTestSupport.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.IssueApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListApiKeysServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final IssueApiKeyService issue = new IssueApiKeyService(ports.spaces, ports.apiKeys, ports.unitOfWork,
            ports.clock, ports.ids, new SecureRandom());
    private final RevokeApiKeyService revoke = new RevokeApiKeyService(ports.apiKeys, ports.unitOfWork, ports.clock,
            new ApiKeyLookupCache(Duration.ZERO));
    private final ListApiKeysService service = new ListApiKeysService(ports.spaces, ports.apiKeys, ports.unitOfWork);
    private final SpaceId space = SpaceId.of(TestIds.next());
    private final SpaceId other = SpaceId.of(TestIds.next());

    ListApiKeysServiceTest() {
        ports.spaces.add(new Space(space, "Docs", ports.clock.peek()));
        ports.spaces.add(new Space(other, "Other", ports.clock.peek()));
    }

    private ApiKey issueIn(SpaceId in) {
        ports.clock.advance(Duration.ofSeconds(1));
        return issue.issue(ADMIN, new IssueApiKeyUseCase.Command(in, Optional.empty(), Set.of(Scope.ARTIFACTS_READ)))
                .key();
    }

    @Test
    void list_givesTheSpacesKeysNewestFirstRevokedIncluded() {
        ApiKey first = issueIn(space);
        issueIn(other);
        ApiKey second = issueIn(space);
        ApiKey revoked = revoke.revoke(ADMIN, space, first.id());

        assertThat(service.list(ADMIN, space)).containsExactly(second, revoked);
    }

    @Test
    void givenSpaceWithoutKeys_list_isEmpty() {
        assertThat(service.list(ADMIN, space)).isEmpty();
    }

    @Test
    void givenUnknownSpace_list_isNotFound() {
        assertThatThrownBy(() -> service.list(ADMIN, SpaceId.of(TestIds.next())))
                .isInstanceOf(SpaceNotFoundException.class);
    }
}
