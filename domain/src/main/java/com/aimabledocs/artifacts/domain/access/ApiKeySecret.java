package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret a client presents in {@code X-API-Key}. Only its hash is ever stored. Keys are high-entropy
 * random strings, so a plain SHA-256 is the right hash: a slow password hash would only add latency.
 */
public final class ApiKeySecret {

    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 256;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");
    /** Shown in clear: the marker plus four random characters, enough to tell a space's keys apart. */
    public static final int PREFIX_LENGTH = 12;
    /** What every issued key starts with, so scanners and people recognise one in a log or a repository. */
    public static final String ISSUED_MARKER = "ak_live_";
    /** Random bytes in an issued key: 256 bits, twice the 128 that make guessing hopeless. */
    public static final int ISSUED_RANDOM_BYTES = 32;

    private final String value;

    private ApiKeySecret(String value) {
        this.value = value;
    }

    /** Accepts a presented or configured secret; the message never echoes the secret. */
    public static ApiKeySecret of(String value) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH
                || !PRINTABLE.matcher(value).matches()) {
            throw new InvalidValueException("api_key",
                    "an API key is " + MIN_LENGTH + " to " + MAX_LENGTH + " printable ASCII characters");
        }
        return new ApiKeySecret(value);
    }

    /**
     * A new secret: {@value #ISSUED_MARKER} followed by {@value #ISSUED_RANDOM_BYTES} bytes from
     * {@code random}, base64url-encoded without padding (43 characters of {@code [A-Za-z0-9_-]}).
     */
    public static ApiKeySecret generate(SecureRandom random) {
        byte[] bytes = new byte[ISSUED_RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ApiKeySecret(ISSUED_MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Lower-case hex SHA-256 of the secret: the lookup key in storage. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first characters, kept in clear so people can tell their keys apart. */
    public String prefix() {
        return value.substring(0, PREFIX_LENGTH);
    }

    /**
     * The secret itself, for the one answer that hands a newly issued key to its owner. Nothing else may
     * read it: it is neither stored nor logged.
     */
    public String reveal() {
        return value;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return prefix() + "…";
    }
}
