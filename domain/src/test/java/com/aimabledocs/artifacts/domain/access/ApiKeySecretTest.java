package com.aimabledocs.artifacts.domain.access;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET;
import static com.aimabledocs.artifacts.domain.access.AccessTestData.DEFAULT_SECRET_SHA256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
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
    void prefix_isTheFirstTwelveCharacters() {
        assertThat(ApiKeySecret.of(DEFAULT_SECRET).prefix()).isEqualTo("ak_test_0123");
    }

    @Test
    void toString_neverContainsTheSecret() {
        ApiKeySecret secret = ApiKeySecret.of(DEFAULT_SECRET);

        assertThat(secret.toString()).doesNotContain(DEFAULT_SECRET).doesNotContain(DEFAULT_SECRET.substring(8))
                .startsWith("ak_test_");
    }

    @Test
    void givenSecretOf16Or256Characters_of_isAccepted() {
        assertThat(ApiKeySecret.of("s".repeat(ApiKeySecret.MIN_LENGTH)).prefix()).isEqualTo("ssssssssssss");
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

    @Test
    void generate_givesAMarkedBase64UrlSecretOf256RandomBits() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());

        String text = secret.reveal();
        assertThat(text).startsWith("ak_live_").hasSize("ak_live_".length() + 43);
        String random = text.substring("ak_live_".length());
        assertThat(random).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(random)).hasSize(32);
        assertThat(ApiKeySecret.of(text).hash()).isEqualTo(secret.hash());
        assertThat(secret.prefix()).isEqualTo(text.substring(0, 12)).startsWith("ak_live_");
        assertThat(secret.toString()).doesNotContain(random);
    }

    @Test
    void generate_neverRepeatsAndUsesEveryBitPosition() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        byte[] ones = new byte[32];
        byte[] zeros = new byte[32];
        java.util.Arrays.fill(zeros, (byte) 0xff);
        for (int i = 0; i < 2_000; i++) {
            String text = ApiKeySecret.generate(random).reveal();
            assertThat(seen.add(text)).as("secret %d is new", i).isTrue();
            byte[] bytes = Base64.getUrlDecoder().decode(text.substring("ak_live_".length()));
            for (int b = 0; b < bytes.length; b++) {
                ones[b] |= bytes[b];
                zeros[b] &= bytes[b];
            }
        }
        // Every one of the 256 bits was seen both set and clear: no byte is fixed or biased to a constant.
        for (int b = 0; b < 32; b++) {
            assertThat(ones[b]).as("bits ever set in byte %d", b).isEqualTo((byte) 0xff);
            assertThat(zeros[b]).as("bits always set in byte %d", b).isEqualTo((byte) 0);
        }
    }
}
