package com.aimabledocs.artifacts.domain.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256Test {

    /** SHA-256("hello world"). */
    private static final String HELLO_HEX = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    private static final String HELLO_BASE64 = "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=";

    @Test
    void parse_acceptsEitherCaseAndKeepsLowerCase() {
        assertThat(Sha256.parse("content_sha256", HELLO_HEX).hex()).isEqualTo(HELLO_HEX);
        assertThat(Sha256.parse("content_sha256", HELLO_HEX.toUpperCase()).hex()).isEqualTo(HELLO_HEX);
        assertThat(Sha256.parse("content_sha256", HELLO_HEX.toUpperCase())).isEqualTo(new Sha256(HELLO_HEX));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde",   // 63
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde90", // 65
            "g94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",  // not hex
            "sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
            " b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
            "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="})
    void givenNotHexDigest_parse_isRefusedUnderTheCallersField(String text) {
        assertThatThrownBy(() -> Sha256.parse("content_sha256", text))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_content_sha256"));
    }

    @Test
    void givenUpperCaseHex_constructor_isRefused() {
        assertThatThrownBy(() -> new Sha256(HELLO_HEX.toUpperCase()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_sha256"));
    }

    @Test
    void ofDigest_givesLowerCaseHexOfTheDigest() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello world".getBytes(StandardCharsets.US_ASCII));

        Sha256 sha256 = Sha256.ofDigest(digest);

        assertThat(sha256.hex()).isEqualTo(HELLO_HEX);
        assertThat(sha256).hasToString(HELLO_HEX);
    }

    @Test
    void givenWrongDigestLength_ofDigest_isRefused() {
        assertThatThrownBy(() -> Sha256.ofDigest(new byte[31])).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Sha256.ofDigest(new byte[33])).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Sha256.ofDigest(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void base64_isTheStandardBase64OfTheDigestBytes() {
        Sha256 sha256 = new Sha256(HELLO_HEX);

        assertThat(sha256.base64()).isEqualTo(HELLO_BASE64);
        assertThat(Sha256.ofDigest(Base64.getDecoder().decode(sha256.base64()))).isEqualTo(sha256);
    }
}
