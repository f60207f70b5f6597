package com.aimabledocs.artifacts.domain.access;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final ApiKeyId KEY_ID = ApiKeyId.of(TestIds.next());
    private static final ApiKeySecret SECRET = ApiKeySecret.of(DEFAULT_SECRET);

    @Test
    void issue_keepsOnlyTheHashAndPrefixOfTheSecret() {
        ApiKey key = ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT);

        assertThat(key.secretHash()).isEqualTo(SECRET.hash());
        assertThat(key.prefix()).isEqualTo(SECRET.prefix());
        assertThat(key.toString()).doesNotContain(DEFAULT_SECRET);
        assertThat(key.isActive()).isTrue();
        assertThat(key.revokedAt()).isEmpty();
    }

    @Test
    void principal_isTheKeyItsSpaceAndItsScopes() {
        ApiKey key = ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, EnumSet.allOf(Scope.class), DEFAULT_CREATED_AT);

        Principal principal = key.principal();

        assertThat(principal.keyId()).isEqualTo(KEY_ID);
        assertThat(principal.spaceId()).isEqualTo(DEFAULT_SPACE);
        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
    }

    @Test
    void givenRevocationTime_key_isNotActive() {
        ApiKey key = new ApiKey(KEY_ID, DEFAULT_SPACE, "ak_test_", SECRET.hash(), Set.of(Scope.ARTIFACTS_READ),
                DEFAULT_CREATED_AT, Optional.of(DEFAULT_CREATED_AT.plusSeconds(60)));

        assertThat(key.isActive()).isFalse();
    }

    @Test
    void givenNullRevocation_key_isActive() {
        ApiKey key = new ApiKey(KEY_ID, DEFAULT_SPACE, "ak_test_", SECRET.hash(), Set.of(Scope.ARTIFACTS_READ),
                DEFAULT_CREATED_AT, null);

        assertThat(key.revokedAt()).isEmpty();
        assertThat(key.isActive()).isTrue();
    }

    @Test
    void givenNoScopes_key_isRefusedAsInvalidScopes() {
        assertThatThrownBy(() -> ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, Set.of(), DEFAULT_CREATED_AT))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_scopes"));
        assertThatThrownBy(() -> ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, null, DEFAULT_CREATED_AT))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenSomethingOtherThanAHexSha256_key_isRefused() {
        assertThatThrownBy(() -> new ApiKey(KEY_ID, DEFAULT_SPACE, "ak_test_", DEFAULT_SECRET, Set.of(Scope.ARTIFACTS_READ),
                DEFAULT_CREATED_AT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(DEFAULT_SECRET);
        assertThatThrownBy(() -> new ApiKey(KEY_ID, DEFAULT_SPACE, "ak_test_", SECRET.hash().toUpperCase(),
                Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopes_areCopiedAndImmutable() {
        Set<Scope> scopes = EnumSet.of(Scope.ARTIFACTS_READ);
        ApiKey key = ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, scopes, DEFAULT_CREATED_AT);
        scopes.add(Scope.ARTIFACTS_WRITE);

        assertThat(key.scopes()).containsExactly(Scope.ARTIFACTS_READ);
        assertThatThrownBy(() -> key.scopes().add(Scope.ARTIFACTS_WRITE)).isInstanceOf(UnsupportedOperationException.class);
    }
}
