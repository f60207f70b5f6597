package com.aimabledocs.artifacts.domain.access;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET;
import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET_SHA256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hash_isTheLowerCaseHexSha256OfTheSecret() throws Exception {
        ApiKeySecret secret = ApiKeySecret.of(DEFAULT_SECRET);

        assertThat(secret.hash())
                .isEqualTo(sha256Hex(DEFAULT_SECRET))
                .isEqualTo(DEFAULT_SECRET_SHA256)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void hash_isStableAndDiffersPerSecret() {
        assertThat(ApiKeySecret.of(DEFAULT_SECRET).hash()).isEqualTo(ApiKeySecret.of(DEFAULT_SECRET).hash());
        assertThat(ApiKeySecret.of(DEFAULT_SECRET).hash()).isNotEqualTo(ApiKeySecret.of(DEFAULT_SECRET + "x").hash());
    }

    @Test
    void prefix_isTheFirstEightCharacters() {
        assertThat(ApiKeySecret.of(DEFAULT_SECRET).prefix()).isEqualTo("ak_test_");
    }

    @Test
    void toString_neverContainsTheSecret() {
        ApiKeySecret secret = ApiKeySecret.of(DEFAULT_SECRET);

        assertThat(secret.toString()).doesNotContain(DEFAULT_SECRET).doesNotContain(DEFAULT_SECRET.substring(8))
                .startsWith("ak_test_");
    }

    @Test
    void givenSecretOf16Or256Characters_of_isAccepted() {
        assertThat(ApiKeySecret.of("s".repeat(ApiKeySecret.MIN_LENGTH)).prefix()).isEqualTo("ssssssss");
        assertThat(ApiKeySecret.of("s".repeat(ApiKeySecret.MAX_LENGTH)).hash()).hasSize(64);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "fifteen_chars_x", "with space inside_123", "tab\tinside_secret_123", "ünïcödé-secret-1234",
            "newline_at_end_123\n"})
    void givenMalformedSecret_of_isRefusedWithoutEchoingIt(String value) {
        assertThatThrownBy(() -> ApiKeySecret.of(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_api_key");
                    if (value != null && !value.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(value);
                    }
                });
    }

    @Test
    void givenSecretOf257Characters_of_isRefused() {
        assertThatThrownBy(() -> ApiKeySecret.of("s".repeat(257))).isInstanceOf(InvalidValueException.class);
    }
}
