package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.service.AdminTestSupport.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.IssueApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.ApiKeyName;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueApiKeyServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final IssueApiKeyService service = new IssueApiKeyService(ports.spaces, ports.apiKeys, ports.unitOfWork,
            ports.clock, ports.ids, new SecureRandom());
    private final AuthenticateApiKeyService authenticate = new AuthenticateApiKeyService(ports.apiKeys, ports.unitOfWork,
            new ApiKeyLookupCache(Duration.ZERO));
    private final SpaceId space = SpaceId.of(TestIds.next());

    IssueApiKeyServiceTest() {
        ports.spaces.add(new Space(space, "Docs", ports.clock.peek()));
    }

    private IssueApiKeyUseCase.IssuedApiKey issue(Set<Scope> scopes) {
        return service.issue(ADMIN, new IssueApiKeyUseCase.Command(space, Optional.of(new ApiKeyName("CI")), scopes));
    }

    @Test
    void issue_storesOnlyTheHashAndReturnsTheSecretOnce() {
        var issued = issue(Set.of(Scope.ARTIFACTS_READ));

        String secret = issued.secret().reveal();
        assertThat(secret).startsWith(ApiKeySecret.ISSUED_MARKER);
        assertThat(ports.apiKeys.all()).singleElement().satisfies(stored -> {
            assertThat(stored).isEqualTo(issued.key());
            assertThat(stored.secretHash()).isEqualTo(ApiKeySecret.of(secret).hash());
            assertThat(stored.toString()).doesNotContain(secret.substring(ApiKeySecret.PREFIX_LENGTH));
            assertThat(stored.prefix()).isEqualTo(secret.substring(0, ApiKeySecret.PREFIX_LENGTH));
            assertThat(stored.name()).contains(new ApiKeyName("CI"));
            assertThat(stored.scopes()).containsExactly(Scope.ARTIFACTS_READ);
            assertThat(stored.spaceId()).isEqualTo(space);
            assertThat(stored.createdAt()).isEqualTo(ports.clock.peek());
        });
        assertThat(ports.unitOfWork.transactions()).isEqualTo(1);
    }

    @Test
    void issuedSecret_authenticatesWithItsSpaceAndScopes() {
        var issued = issue(Set.of(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE));

        var principal = authenticate.authenticate(issued.secret().reveal());

        assertThat(principal.keyId()).isEqualTo(issued.key().id());
        assertThat(principal.spaceId()).isEqualTo(space);
        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
    }

    @Test
    void issueTwice_givesDifferentSecrets() {
        assertThat(issue(Set.of(Scope.ARTIFACTS_READ)).secret().reveal())
                .isNotEqualTo(issue(Set.of(Scope.ARTIFACTS_READ)).secret().reveal());
    }

    @Test
    void givenUnknownSpace_issue_isNotFoundAndStoresNothing() {
        var command = new IssueApiKeyUseCase.Command(SpaceId.of(TestIds.next()), Optional.empty(),
                Set.of(Scope.ARTIFACTS_READ));

        assertThatThrownBy(() -> service.issue(ADMIN, command)).isInstanceOf(SpaceNotFoundException.class);
        assertThat(ports.apiKeys.all()).isEmpty();
    }

    @Test
    void givenNoScopes_issue_isInvalidScopesAndStoresNothing() {
        assertThatThrownBy(() -> issue(Set.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("scopes"));
        assertThat(ports.apiKeys.all()).isEmpty();
    }
}
