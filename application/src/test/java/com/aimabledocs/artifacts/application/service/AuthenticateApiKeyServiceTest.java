package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.access.UnauthenticatedException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticateApiKeyServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final AuthenticateApiKeyService service = new AuthenticateApiKeyService(ports.apiKeys, ports.unitOfWork,
            new ApiKeyLookupCache(Duration.ZERO));
    private final ApiKeyId keyId = ApiKeyId.of(TestIds.next());

    private void issue(String secret, Set<Scope> scopes) {
        ports.apiKeys.add(ApiKey.issue(keyId, DEFAULT_SPACE, ApiKeySecret.of(secret), scopes, DEFAULT_CREATED_AT));
    }

    private static void assertUnauthenticated(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(UnauthenticatedException.class,
                        e -> assertThat(e.code()).isEqualTo("unauthenticated"));
    }

    @Test
    void givenValidKey_authenticate_givesItsPrincipal() {
        issue(DEFAULT_SECRET, Set.of(Scope.ARTIFACTS_READ));

        Principal principal = service.authenticate(DEFAULT_SECRET);

        assertThat(principal.keyId()).isEqualTo(keyId);
        assertThat(principal.spaceId()).isEqualTo(DEFAULT_SPACE);
        assertThat(principal.scopes()).containsExactly(Scope.ARTIFACTS_READ);
        assertThat(ports.unitOfWork.transactions()).isZero();
        assertThat(ports.unitOfWork.reads()).isEqualTo(1);
    }

    @Test
    void givenKeyWithBothScopes_authenticate_givesBoth() {
        issue(DEFAULT_SECRET, Set.of(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE));

        assertThat(service.authenticate(DEFAULT_SECRET).scopes())
                .containsExactlyInAnyOrder(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "fifteen-chars-x", "has space but long enough", "tab\tbut_long_enough_1"})
    void givenMissingOrMalformedKey_authenticate_isUnauthenticatedWithoutALookup(String presented) {
        issue(DEFAULT_SECRET, Set.of(Scope.ARTIFACTS_READ));

        assertUnauthenticated(() -> service.authenticate(presented));
        assertThat(ports.apiKeys.lookups()).isZero();
    }

    @Test
    void givenOverlongKey_authenticate_isUnauthenticated() {
        assertUnauthenticated(() -> service.authenticate("k".repeat(257)));
    }

    @Test
    void givenUnknownKey_authenticate_isUnauthenticated() {
        issue(DEFAULT_SECRET, Set.of(Scope.ARTIFACTS_READ));

        assertUnauthenticated(() -> service.authenticate(DEFAULT_SECRET + "-but-other"));
        assertUnauthenticated(() -> service.authenticate(DEFAULT_SECRET.toUpperCase()));
        assertThat(ports.apiKeys.lookups()).isEqualTo(2);
    }

    @Test
    void givenRevokedKey_authenticate_isUnauthenticated() {
        ApiKeySecret secret = ApiKeySecret.of(DEFAULT_SECRET);
        ports.apiKeys.add(new ApiKey(keyId, DEFAULT_SPACE, Optional.empty(), secret.prefix(), secret.hash(),
                Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT, Optional.of(DEFAULT_CREATED_AT.plusSeconds(1))));

        assertUnauthenticated(() -> service.authenticate(DEFAULT_SECRET));
    }

    @Test
    void givenUnknownKey_theErrorNeverEchoesTheKey() {
        assertThatThrownBy(() -> service.authenticate(DEFAULT_SECRET)).hasMessageNotContaining(DEFAULT_SECRET);
    }
}
