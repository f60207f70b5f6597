package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET;
import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET_SHA256;
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
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BootstrapSpaceServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final BootstrapSpaceService service =
            new BootstrapSpaceService(ports.spaces, ports.apiKeys, ports.unitOfWork, ports.clock, ports.ids);

    @Test
    void givenNothingYet_ensure_createsTheSpaceAndAReadWriteKey() {
        service.ensure(DEFAULT_SPACE, DEFAULT_SECRET);

        assertThat(ports.spaces.all()).singleElement().satisfies(space -> {
            assertThat(space.id()).isEqualTo(DEFAULT_SPACE);
            assertThat(space.createdAt()).isEqualTo(ports.clock.peek());
        });
        assertThat(ports.apiKeys.all()).singleElement().satisfies(key -> {
            assertThat(key.spaceId()).isEqualTo(DEFAULT_SPACE);
            assertThat(key.secretHash()).isEqualTo(DEFAULT_SECRET_SHA256);
            assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
            assertThat(key.isActive()).isTrue();
            assertThat(key.id().value()).isEqualTo(ports.ids.issued().get(0));
        });
        assertThat(ports.unitOfWork.transactions()).isEqualTo(1);
    }

    @Test
    void givenBootstrapTwice_ensure_isIdempotent() {
        service.ensure(DEFAULT_SPACE, DEFAULT_SECRET);

        service.ensure(DEFAULT_SPACE, DEFAULT_SECRET);

        assertThat(ports.spaces.all()).hasSize(1);
        assertThat(ports.apiKeys.all()).hasSize(1);
    }

    @Test
    void givenBootstrappedKey_authenticate_acceptsIt() {
        service.ensure(DEFAULT_SPACE, DEFAULT_SECRET);

        Principal principal = new AuthenticateApiKeyService(ports.apiKeys, ports.unitOfWork,
                new ApiKeyLookupCache(Duration.ZERO)).authenticate(DEFAULT_SECRET);

        assertThat(principal.spaceId()).isEqualTo(DEFAULT_SPACE);
        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
    }

    @Test
    void givenExistingSpace_ensure_keepsItAsItIs() {
        Space existing = new Space(DEFAULT_SPACE, "Team space", DEFAULT_CREATED_AT);
        ports.spaces.add(existing);

        service.ensure(DEFAULT_SPACE, DEFAULT_SECRET);

        assertThat(ports.spaces.all()).containsExactly(existing);
        assertThat(ports.apiKeys.all()).hasSize(1);
    }

    @Test
    void givenKeyBoundToAnotherSpace_ensure_isRefusedAndCreatesNothing() {
        SpaceId otherSpace = SpaceId.of(TestIds.next());
        service.ensure(otherSpace, DEFAULT_SECRET);

        assertThatThrownBy(() -> service.ensure(DEFAULT_SPACE, DEFAULT_SECRET))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_api_key"))
                .hasMessageNotContaining(DEFAULT_SECRET);
        assertThat(ports.spaces.all()).as("the space added before the refusal was rolled back")
                .extracting(Space::id).containsExactly(otherSpace);
        assertThat(ports.apiKeys.all()).hasSize(1);
    }

    @Test
    void givenRevokedKey_ensure_isRefused() {
        ApiKeySecret secret = ApiKeySecret.of(DEFAULT_SECRET);
        ports.apiKeys.add(new ApiKey(ApiKeyId.of(TestIds.next()), DEFAULT_SPACE, Optional.empty(), secret.prefix(),
                secret.hash(), Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT, Optional.of(DEFAULT_CREATED_AT)));

        assertThatThrownBy(() -> service.ensure(DEFAULT_SPACE, DEFAULT_SECRET)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenMalformedSecret_ensure_isRefusedBeforeTouchingStorage() {
        assertThatThrownBy(() -> service.ensure(DEFAULT_SPACE, "too-short"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_api_key"));
        assertThat(ports.unitOfWork.transactions()).isZero();
        assertThat(ports.spaces.all()).isEmpty();
    }
}
