package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeyName;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contracts of {@link SpaceRepository} and {@link ApiKeyRepository} against real PostgreSQL. */
@QuarkusTest
class SpaceAndApiKeyRepositoryTest {

    @Inject
    SpaceRepository spaces;

    @Inject
    ApiKeyRepository apiKeys;

    @Inject
    UnitOfWork unitOfWork;

    @Test
    void givenNewSpace_findById_returnsItAsAdded() {
        Space space = new Space(SpaceId.of(UUID.randomUUID()), "Équipe « docs » 📄", T0.plusNanos(1_000));

        unitOfWork.inTransaction(() -> spaces.add(space));

        assertThat(unitOfWork.inTransaction(() -> spaces.findById(space.id()))).contains(space);
    }

    @Test
    void givenUnknownId_findSpace_isEmpty() {
        assertThat(unitOfWork.inTransaction(() -> spaces.findById(SpaceId.of(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void givenKeyWithBothScopes_findBySecretHash_returnsItAsAdded() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        ApiKeySecret secret = freshSecret();
        ApiKey key = ApiKey.issue(ApiKeyId.of(UUID.randomUUID()), space, secret,
                Set.of(Scope.ARTIFACTS_WRITE, Scope.ARTIFACTS_READ), T0);

        unitOfWork.inTransaction(() -> apiKeys.add(key));

        ApiKey found = unitOfWork.inTransaction(() -> apiKeys.findBySecretHash(secret.hash())).orElseThrow();
        assertThat(found).isEqualTo(key);
        assertThat(found.scopes()).containsExactlyInAnyOrder(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        assertThat(found.prefix()).isEqualTo(secret.prefix());
        assertThat(found.isActive()).isTrue();
        assertThat(unitOfWork.read(() -> apiKeys.findBySecretHash(secret.hash()))).contains(key);
    }

    @Test
    void givenRevokedReadOnlyKey_findBySecretHash_returnsItWithItsRevocation() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        ApiKeySecret secret = freshSecret();
        ApiKey key = new ApiKey(ApiKeyId.of(UUID.randomUUID()), space, Optional.empty(), secret.prefix(),
                secret.hash(), Set.of(Scope.ARTIFACTS_READ), T0, Optional.of(T0.plusSeconds(3600).plusNanos(5_000)));

        unitOfWork.inTransaction(() -> apiKeys.add(key));

        ApiKey found = unitOfWork.inTransaction(() -> apiKeys.findBySecretHash(secret.hash())).orElseThrow();
        assertThat(found).isEqualTo(key);
        assertThat(found.scopes()).containsExactly(Scope.ARTIFACTS_READ);
        assertThat(found.revokedAt()).contains(T0.plusSeconds(3600).plusNanos(5_000));
        assertThat(found.isActive()).isFalse();
        assertThat(unitOfWork.read(() -> apiKeys.findBySecretHash(secret.hash()))).contains(key);
    }

    @Test
    void givenUnknownHash_findBySecretHash_isEmpty() {
        assertThat(unitOfWork.inTransaction(() -> apiKeys.findBySecretHash(freshSecret().hash()))).isEmpty();
        assertThat(unitOfWork.read(() -> apiKeys.findBySecretHash(freshSecret().hash()))).isEmpty();
    }

    @Test
    void givenNamedKey_findById_returnsItWithItsNameOnlyInItsSpace() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        ApiKey key = ApiKey.issue(ApiKeyId.of(UUID.randomUUID()), space, Optional.of(new ApiKeyName("CI « uploader »")),
                freshSecret(), Set.of(Scope.ARTIFACTS_READ), T0);
        unitOfWork.inTransaction(() -> apiKeys.add(key));

        assertThat(unitOfWork.inTransaction(() -> apiKeys.findById(space, key.id()))).contains(key);
        SpaceId other = Fixtures.newSpace(unitOfWork, spaces);
        assertThat(unitOfWork.inTransaction(() -> apiKeys.findById(other, key.id()))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> apiKeys.findById(space, ApiKeyId.of(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void givenKeysInTwoSpaces_listBySpace_givesThatSpacesKeysNewestFirst() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        SpaceId other = Fixtures.newSpace(unitOfWork, spaces);
        ApiKey older = ApiKey.issue(ApiKeyId.of(UUID.randomUUID()), space, freshSecret(), Set.of(Scope.ARTIFACTS_READ), T0);
        ApiKey newer = ApiKey.issue(ApiKeyId.of(UUID.randomUUID()), space, freshSecret(), Set.of(Scope.ARTIFACTS_WRITE),
                T0.plusSeconds(1));
        ApiKey elsewhere = ApiKey.issue(ApiKeyId.of(UUID.randomUUID()), other, freshSecret(), Set.of(Scope.ARTIFACTS_READ),
                T0.plusSeconds(2));
        unitOfWork.inTransaction(() -> {
            apiKeys.add(older);
            apiKeys.add(newer);
            apiKeys.add(elsewhere);
        });

        assertThat(unitOfWork.inTransaction(() -> apiKeys.listBySpace(space))).containsExactly(newer, older);
        assertThat(unitOfWork.inTransaction(() -> apiKeys.listBySpace(Fixtures.newSpace(unitOfWork, spaces)))).isEmpty();
    }

    @Test
    void givenRevokedKey_update_storesTheRevocation() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        ApiKeySecret secret = freshSecret();
        ApiKey key = ApiKey.issue(ApiKeyId.of(UUID.randomUUID()), space, secret, Set.of(Scope.ARTIFACTS_READ), T0);
        unitOfWork.inTransaction(() -> apiKeys.add(key));
        ApiKey revoked = key.revoke(T0.plusSeconds(60).plusNanos(7_000));

        unitOfWork.inTransaction(() -> apiKeys.update(revoked));

        ApiKey found = unitOfWork.inTransaction(() -> apiKeys.findBySecretHash(secret.hash())).orElseThrow();
        assertThat(found).isEqualTo(revoked);
        assertThat(found.isActive()).isFalse();
    }

    private static ApiKeySecret freshSecret() {
        return ApiKeySecret.of("ak_test_" + UUID.randomUUID().toString().replace("-", ""));
    }
}
