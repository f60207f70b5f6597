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
        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.values());
    }

    @Test
    void givenRevocationTime_key_isNotActive() {
        ApiKey key = new ApiKey(KEY_ID, DEFAULT_SPACE, Optional.empty(), "ak_test_", SECRET.hash(),
                Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT, Optional.of(DEFAULT_CREATED_AT.plusSeconds(60)));

        assertThat(key.isActive()).isFalse();
    }

    @Test
    void givenNullRevocation_key_isActive() {
        ApiKey key = new ApiKey(KEY_ID, DEFAULT_SPACE, Optional.empty(), "ak_test_", SECRET.hash(),
                Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT, null);

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
        assertThatThrownBy(() -> new ApiKey(KEY_ID, DEFAULT_SPACE, Optional.empty(), "ak_test_", DEFAULT_SECRET,
                Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(DEFAULT_SECRET);
        assertThatThrownBy(() -> new ApiKey(KEY_ID, DEFAULT_SPACE, Optional.empty(), "ak_test_",
                SECRET.hash().toUpperCase(),
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

    @Test
    void givenActiveKey_revoke_recordsTheTimeAndDeactivatesIt() {
        ApiKey key = ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT);

        ApiKey revoked = key.revoke(DEFAULT_CREATED_AT.plusSeconds(30));

        assertThat(revoked.isActive()).isFalse();
        assertThat(revoked.revokedAt()).contains(DEFAULT_CREATED_AT.plusSeconds(30));
        assertThat(revoked.id()).isEqualTo(key.id());
        assertThat(revoked.secretHash()).isEqualTo(key.secretHash());
        assertThat(revoked.scopes()).isEqualTo(key.scopes());
        assertThat(key.isActive()).as("the original is unchanged").isTrue();
    }

    @Test
    void givenRevokedKey_revokeAgain_keepsTheFirstRevocation() {
        ApiKey revoked = ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT)
                .revoke(DEFAULT_CREATED_AT.plusSeconds(30));

        ApiKey again = revoked.revoke(DEFAULT_CREATED_AT.plusSeconds(90));

        assertThat(again).isEqualTo(revoked);
        assertThat(again.revokedAt()).contains(DEFAULT_CREATED_AT.plusSeconds(30));
    }

    @Test
    void givenClockBehindCreation_revoke_neverPrecedesCreation() {
        ApiKey key = ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT);

        assertThat(key.revoke(DEFAULT_CREATED_AT.minusSeconds(5)).revokedAt()).contains(DEFAULT_CREATED_AT);
    }

    @Test
    void matches_acceptsItsOwnSecretOnly() {
        ApiKey key = ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT);

        assertThat(key.matches(ApiKeySecret.of(DEFAULT_SECRET))).isTrue();
        assertThat(key.matches(ApiKeySecret.of(DEFAULT_SECRET + "x"))).isFalse();
    }

    @Test
    void issueWithName_keepsTheName() {
        ApiKey key = ApiKey.issue(KEY_ID, DEFAULT_SPACE, Optional.of(new ApiKeyName("CI uploader")), SECRET,
                Set.of(Scope.ARTIFACTS_WRITE), DEFAULT_CREATED_AT);

        assertThat(key.name()).contains(new ApiKeyName("CI uploader"));
        assertThat(ApiKey.issue(KEY_ID, DEFAULT_SPACE, SECRET, Set.of(Scope.ARTIFACTS_READ), DEFAULT_CREATED_AT).name())
                .isEmpty();
    }

    @Test
    void givenBlankLongOrControlName_name_isRefusedAsInvalidName() {
        for (String bad : new String[] {null, "", "   ", "n".repeat(ApiKeyName.MAX_LENGTH + 1), "line\nbreak"}) {
            assertThatThrownBy(() -> new ApiKeyName(bad))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_name"));
        }
        assertThat(new ApiKeyName("n".repeat(ApiKeyName.MAX_LENGTH)).value()).hasSize(ApiKeyName.MAX_LENGTH);
    }
}
