package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The key an endpoint's deliveries are signed with, per Standard Webhooks: shown to the client as
 * {@code whsec_} followed by the base64 of the key bytes (32 random bytes here; the spec asks for 24 to 64).
 * Never logged: {@link #toString()} hides it.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    public static final int GENERATED_BYTES = 32;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 24 || key.length > 64) {
            throw new InvalidValueException("secret", "a webhook secret has 24 to 64 bytes");
        }
        this.key = key.clone();
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        return new WebhookSecret(bytes);
    }

    public static WebhookSecret ofKey(byte[] key) {
        return new WebhookSecret(key);
    }

    /** Parses {@code whsec_<base64>}. */
    public static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new InvalidValueException("secret", "a webhook secret starts with " + PREFIX);
        }
        try {
            return new WebhookSecret(Base64.getDecoder().decode(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("secret", "a webhook secret is " + PREFIX + " and base64");
        }
    }

    public byte[] key() {
        return key.clone();
    }

    /** The form shown to the client once, and that receivers configure in their verification library. */
    public String reveal() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
