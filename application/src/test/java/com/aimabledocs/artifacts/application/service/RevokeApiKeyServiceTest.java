package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.service.AdminTestSupport.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.IssueApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeyNotFoundException;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.access.UnauthenticatedException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevokeApiKeyServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final IssueApiKeyService issue = new IssueApiKeyService(ports.spaces, ports.apiKeys, ports.unitOfWork,
            ports.clock, ports.ids, new SecureRandom());
    private final AuthenticateApiKeyService authenticate = new AuthenticateApiKeyService(ports.apiKeys, ports.unitOfWork,
            new ApiKeyLookupCache(Duration.ZERO));
    private final RevokeApiKeyService service = new RevokeApiKeyService(ports.apiKeys, ports.unitOfWork, ports.clock,
            new ApiKeyLookupCache(Duration.ZERO));
    private final SpaceId space = SpaceId.of(TestIds.next());
    private final IssueApiKeyUseCase.IssuedApiKey issued;

    RevokeApiKeyServiceTest() {
        ports.spaces.add(new Space(space, "Docs", ports.clock.peek()));
        issued = issue.issue(ADMIN, new IssueApiKeyUseCase.Command(space, Optional.empty(), Set.of(Scope.ARTIFACTS_READ)));
    }

    @Test
    void revoke_recordsTheTimeAndTheKeyNoLongerAuthenticates() {
        ports.clock.advance(Duration.ofMinutes(5));
        int before = ports.unitOfWork.transactions();

        var revoked = service.revoke(ADMIN, space, issued.key().id());

        assertThat(revoked.revokedAt()).contains(ports.clock.peek());
        assertThat(ports.apiKeys.all()).containsExactly(revoked);
        assertThat(ports.unitOfWork.transactions()).isEqualTo(before + 1);
        assertThatThrownBy(() -> authenticate.authenticate(issued.secret().reveal()))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void givenAKeyRememberedByTheLookUpCache_revoke_makesItFailAtOnceInThisProcess() {
        ApiKeyLookupCache cache = new ApiKeyLookupCache(Duration.ofHours(1));
        AuthenticateApiKeyService cached = new AuthenticateApiKeyService(ports.apiKeys, ports.unitOfWork, cache);
        RevokeApiKeyService revoking = new RevokeApiKeyService(ports.apiKeys, ports.unitOfWork, ports.clock, cache);
        cached.authenticate(issued.secret().reveal());
        cached.authenticate(issued.secret().reveal());
        assertThat(ports.apiKeys.lookups()).isEqualTo(1);

        revoking.revoke(ADMIN, space, issued.key().id());

        assertThatThrownBy(() -> cached.authenticate(issued.secret().reveal()))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void revokeTwice_succeedsAndKeepsTheFirstTime() {
        var first = service.revoke(ADMIN, space, issued.key().id());
        ports.clock.advance(Duration.ofMinutes(5));

        var second = service.revoke(ADMIN, space, issued.key().id());

        assertThat(second).isEqualTo(first);
        assertThat(ports.apiKeys.all()).containsExactly(first);
    }

    @Test
    void givenUnknownKeyOrKeyOfAnotherSpace_revoke_isNotFoundAndChangesNothing() {
        assertThatThrownBy(() -> service.revoke(ADMIN, space, ApiKeyId.of(TestIds.next())))
                .isInstanceOf(ApiKeyNotFoundException.class);
        assertThatThrownBy(() -> service.revoke(ADMIN, SpaceId.of(TestIds.next()), issued.key().id()))
                .isInstanceOf(ApiKeyNotFoundException.class);
        assertThat(ports.apiKeys.all()).singleElement().satisfies(k -> assertThat(k.isActive()).isTrue());
    }
}
