package com.aimabledocs.artifacts.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link AesGcmSecretCipher} on its own: the JDK's AES-GCM, no Quarkus. */
class AesGcmSecretCipherTest {

    private static final String KEY = randomKey();
    private static final String OTHER_KEY = randomKey();
    /** version, key ID, nonce, the 32 bytes of a generated secret, tag */
    private static final int STORED_LENGTH = 1 + 4 + 12 + WebhookSecret.GENERATED_BYTES + 16;

    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(Optional.of(KEY));
    private final WebhookEndpointId endpoint = WebhookEndpointId.of(UUID.randomUUID());
    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

    @Test
    void givenKey_encryptThenDecrypt_returnsTheSecret() {
        byte[] stored = cipher.encrypt(endpoint, secret);

        assertThat(cipher.decrypt(endpoint, stored)).isEqualTo(secret);
        assertThat(new AesGcmSecretCipher(Optional.of(KEY)).decrypt(endpoint, stored)).isEqualTo(secret);
    }

    @Test
    void encrypt_writesVersionKeyIdAndAFreshNonceEachTime() {
        byte[] first = cipher.encrypt(endpoint, secret);
        byte[] second = cipher.encrypt(endpoint, secret);

        assertThat(first).hasSize(STORED_LENGTH);
        assertThat(first[0]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(first, 1, 5)).isEqualTo(Arrays.copyOfRange(second, 1, 5));
        assertThat(Arrays.copyOfRange(first, 5, 17)).isNotEqualTo(Arrays.copyOfRange(second, 5, 17));
        assertThat(first).isNotEqualTo(second);
        assertThat(indexOf(first, secret.key())).isEqualTo(-1);
    }

    @Test
    void givenAnyByteAfterTheKeyIdAltered_decrypt_refusesIt() {
        byte[] stored = cipher.encrypt(endpoint, secret);

        for (int i = 5; i < stored.length; i++) {
            byte[] tampered = stored.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(endpoint, tampered))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not authenticate");
        }
    }

    @Test
    void givenUnknownVersionOrTruncatedBytes_decrypt_refusesThem() {
        byte[] stored = cipher.encrypt(endpoint, secret);
        byte[] otherVersion = stored.clone();
        otherVersion[0] = 2;

        assertThatThrownBy(() -> cipher.decrypt(endpoint, otherVersion))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in a known format");
        assertThatThrownBy(() -> cipher.decrypt(endpoint, Arrays.copyOf(stored, 20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in a known format");
    }

    @Test
    void givenCiphertextOfAnotherEndpoint_decrypt_refusesIt() {
        byte[] stored = cipher.encrypt(endpoint, secret);
        WebhookEndpointId other = WebhookEndpointId.of(UUID.randomUUID());

        assertThatThrownBy(() -> cipher.decrypt(other, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("webhook endpoint " + other)
                .hasMessageContaining("belongs to another endpoint");
    }

    @Test
    void givenAnotherKey_decrypt_refusesItNamingNeitherKeyNorSecret() {
        byte[] stored = cipher.encrypt(endpoint, secret);
        AesGcmSecretCipher otherCipher = new AesGcmSecretCipher(Optional.of(OTHER_KEY));

        assertThatThrownBy(() -> otherCipher.decrypt(endpoint, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encrypted under another key")
                .message()
                .doesNotContain(KEY, OTHER_KEY, secret.reveal(), Base64.getEncoder().encodeToString(secret.key()));
    }

    @Test
    void givenNoKey_encryptAndDecrypt_reportTheKeyUnavailable() {
        byte[] stored = cipher.encrypt(endpoint, secret);
        AesGcmSecretCipher keyless = new AesGcmSecretCipher(Optional.empty());

        assertThatThrownBy(() -> keyless.encrypt(endpoint, secret))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("webhook encryption key is unavailable")
                .cause().hasMessageContaining("ARTIFACTS_WEBHOOKS_ENCRYPTION_KEY");
        assertThatThrownBy(() -> keyless.decrypt(endpoint, stored))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo("webhook_encryption_key_unavailable"));
    }

    @Test
    void givenKeyThatIsNotBase64_constructor_failsNamingTheVariableButNotTheKey() {
        String malformed = "not*base64*at*all!";

        assertThatThrownBy(() -> new AesGcmSecretCipher(Optional.of(malformed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ARTIFACTS_WEBHOOKS_ENCRYPTION_KEY")
                .hasMessageContaining("not base64")
                .message().doesNotContain(malformed);
    }

    @Test
    void givenKeyOfSixteenBytes_constructor_failsNamingTheVariable() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new AesGcmSecretCipher(Optional.of(short16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ARTIFACTS_WEBHOOKS_ENCRYPTION_KEY")
                .hasMessageContaining("decodes to 16 bytes, not 32");
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
