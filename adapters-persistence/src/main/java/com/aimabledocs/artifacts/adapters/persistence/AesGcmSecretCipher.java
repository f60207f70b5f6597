package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts webhook signing secrets at rest with AES-256-GCM (the JDK's), under the key
 * {@code artifacts.webhooks.encryption-key} ({@code ARTIFACTS_WEBHOOKS_ENCRYPTION_KEY}): the base64 of 32 random
 * bytes.
 *
 * <p>Stored form: {@code version (1 byte, 1) | key ID (4 bytes: the first 4 of the key's SHA-256) | nonce (12 random
 * bytes, fresh for each encryption) | ciphertext and 16-byte tag}. The endpoint's ID (its 16 bytes) is the
 * associated data, so a ciphertext copied to another endpoint's row does not decrypt. The key ID tells a secret
 * encrypted under another key from a tampered one.
 *
 * <p>Without a key, webhooks are unavailable: {@link #encrypt} and {@link #decrypt} throw
 * {@link UnavailableException} and the rest of the service works. A malformed key fails the start (this bean is
 * created at startup). Neither the key nor a secret is ever logged or put in a message.
 */
@Startup
@ApplicationScoped
public class AesGcmSecretCipher {

    static final String KEY_PROPERTY = "artifacts.webhooks.encryption-key";
    static final String KEY_VARIABLE = "ARTIFACTS_WEBHOOKS_ENCRYPTION_KEY";

    private static final byte FORMAT_VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + KEY_ID_BYTES + NONCE_BYTES;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Optional<SecretKey> key;
    private final byte[] keyId;
    private final SecureRandom random = new SecureRandom();

    /** @throws IllegalArgumentException when the key is set but is not the base64 of 32 bytes */
    AesGcmSecretCipher(@ConfigProperty(name = KEY_PROPERTY) Optional<String> encodedKey) {
        Optional<byte[]> bytes = encodedKey.filter(k -> !k.isBlank()).map(AesGcmSecretCipher::decodeKey);
        this.key = bytes.map(b -> new SecretKeySpec(b, "AES"));
        this.keyId = bytes.map(AesGcmSecretCipher::keyIdOf).orElse(new byte[KEY_ID_BYTES]);
    }

    /** The stored form of {@code secret} for the endpoint {@code endpointId}. */
    public byte[] encrypt(WebhookEndpointId endpointId, WebhookSecret secret) {
        SecretKey secretKey = requireKey();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plaintext = secret.key();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(endpointId));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
                    .put(FORMAT_VERSION).put(keyId).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt the secret of webhook endpoint " + endpointId, e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * The secret stored as {@code stored} for the endpoint {@code endpointId}.
     *
     * @throws IllegalStateException when it was encrypted under another key, for another endpoint, or altered
     */
    public WebhookSecret decrypt(WebhookEndpointId endpointId, byte[] stored) {
        SecretKey secretKey = requireKey();
        if (stored.length < HEADER_BYTES + TAG_BITS / 8 || stored[0] != FORMAT_VERSION) {
            throw new IllegalStateException("the stored secret of webhook endpoint " + endpointId
                    + " is not in a known format");
        }
        byte[] storedKeyId = Arrays.copyOfRange(stored, 1, 1 + KEY_ID_BYTES);
        if (!MessageDigest.isEqual(storedKeyId, keyId)) {
            throw new IllegalStateException("the stored secret of webhook endpoint " + endpointId
                    + " was encrypted under another key (key ID " + HexFormat.of().formatHex(storedKeyId)
                    + ", while " + KEY_VARIABLE + " has key ID " + HexFormat.of().formatHex(keyId) + ")");
        }
        byte[] plaintext = null;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, secretKey,
                    new GCMParameterSpec(TAG_BITS, stored, 1 + KEY_ID_BYTES, NONCE_BYTES));
            cipher.updateAAD(associatedData(endpointId));
            plaintext = cipher.doFinal(stored, HEADER_BYTES, stored.length - HEADER_BYTES);
            return WebhookSecret.ofKey(plaintext);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the stored secret of webhook endpoint " + endpointId
                    + " does not authenticate: it was altered or belongs to another endpoint");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt the secret of webhook endpoint " + endpointId, e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private SecretKey requireKey() {
        return key.orElseThrow(() -> new UnavailableException("webhook encryption key",
                new IllegalStateException(KEY_VARIABLE + " (" + KEY_PROPERTY + ") is not set")));
    }

    private static byte[] associatedData(WebhookEndpointId endpointId) {
        UUID id = endpointId.value();
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static byte[] decodeKey(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            // the decoder's message may quote a character of the key: leave it out
            throw new IllegalArgumentException(KEY_VARIABLE + " (" + KEY_PROPERTY + ") is not base64; "
                    + "set it to the base64 of 32 random bytes, e.g. the output of: openssl rand -base64 32");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(KEY_VARIABLE + " (" + KEY_PROPERTY + ") decodes to " + bytes.length
                    + " bytes, not " + KEY_BYTES + "; set it to the base64 of 32 random bytes, e.g. the output of: "
                    + "openssl rand -base64 32");
        }
        return bytes;
    }

    private static byte[] keyIdOf(byte[] key) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), KEY_ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
