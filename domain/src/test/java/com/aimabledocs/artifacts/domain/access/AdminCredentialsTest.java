package com.aimabledocs.artifacts.domain.access;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET;
import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET_SHA256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminCredentialsTest {

    private static final String OTHER_SECRET = "adm_other_secret_0123456789";

    @Test
    void givenTheHashOfASecret_authenticate_acceptsThatSecretOnly() {
        AdminCredentials credentials = AdminCredentials.parse(DEFAULT_SECRET_SHA256);

        assertThat(credentials.isEnabled()).isTrue();
        assertThat(credentials.authenticate(ApiKeySecret.of(DEFAULT_SECRET)))
                .contains(new AdminPrincipal(DEFAULT_SECRET_SHA256.substring(0, 8)));
        assertThat(credentials.authenticate(ApiKeySecret.of(OTHER_SECRET))).isEmpty();
    }

    @Test
    void givenTwoHashesDuringARotation_authenticate_acceptsBothSecrets() {
        String other = ApiKeySecret.of(OTHER_SECRET).hash();
        AdminCredentials credentials = AdminCredentials.parse(" " + DEFAULT_SECRET_SHA256.toUpperCase() + " , " + other);

        assertThat(credentials.count()).isEqualTo(2);
        assertThat(credentials.authenticate(ApiKeySecret.of(DEFAULT_SECRET))).isPresent();
        assertThat(credentials.authenticate(ApiKeySecret.of(OTHER_SECRET)))
                .contains(new AdminPrincipal(other.substring(0, 8)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenNothingConfigured_adminApi_isDisabledAndRefusesEverySecret(String configured) {
        AdminCredentials credentials = AdminCredentials.parse(configured);

        assertThat(credentials.isEnabled()).isFalse();
        assertThat(credentials.authenticate(ApiKeySecret.of(DEFAULT_SECRET))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-hex", "abc", DEFAULT_SECRET_SHA256 + ",", DEFAULT_SECRET_SHA256 + "00",
            "zz00000000000000000000000000000000000000000000000000000000000000", DEFAULT_SECRET})
    void givenSomethingOtherThanHexSha256s_parse_isRefusedWithoutEchoingIt(String configured) {
        assertThatThrownBy(() -> AdminCredentials.parse(configured))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_admin_key_sha256"))
                .hasMessageNotContaining(configured);
    }

    @Test
    void toString_neverShowsTheHashes() {
        assertThat(AdminCredentials.parse(DEFAULT_SECRET_SHA256).toString()).doesNotContain(DEFAULT_SECRET_SHA256);
    }
}
