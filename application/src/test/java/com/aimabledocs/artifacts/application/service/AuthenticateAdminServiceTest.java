package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET;
import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET_SHA256;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.AdminCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticateAdminServiceTest {

    private final AuthenticateAdminService service =
            new AuthenticateAdminService(AdminCredentials.parse(DEFAULT_SECRET_SHA256));

    @Test
    void givenTheConfiguredSecret_authenticate_givesTheAdminPrincipal() {
        assertThat(service.authenticate(DEFAULT_SECRET)).hasValueSatisfying(
                admin -> assertThat(admin.credential()).isEqualTo(DEFAULT_SECRET_SHA256.substring(0, 8)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "ak_test_0123456789abcdeX", DEFAULT_SECRET_SHA256, "has space but long enough"})
    void givenAnythingElse_authenticate_isEmpty(String presented) {
        assertThat(service.authenticate(presented)).isEmpty();
    }

    @Test
    void givenAdminApiDisabled_authenticate_refusesEvenTheFormerSecret() {
        assertThat(new AuthenticateAdminService(AdminCredentials.disabled()).authenticate(DEFAULT_SECRET)).isEmpty();
    }
}
