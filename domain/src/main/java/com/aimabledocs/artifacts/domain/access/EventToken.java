package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A short-lived, read-only credential for one space's event stream, for clients that cannot send
 * {@code X-API-Key} (a browser's {@code EventSource}). Issued to an API key that may read the space; good for the
 * stream only, until {@link #expiresAt}, and never beyond its key's revocation. Only its SHA-256 is stored.
 */
public record EventToken(String hash, ApiKeyId keyId, SpaceId spaceId, Instant expiresAt) {

    /** The longest life a token may have. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    public static final String MARKER = "evt_";
    private static final Pattern FORMAT = Pattern.compile("evt_[A-Za-z0-9_-]{43}");

    public EventToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A new token for {@code principal}'s reading of {@code space}: the stored record and the secret, shown once. */
    public static Issued issue(Principal principal, SpaceId space, Duration lifetime, Instant now, SecureRandom random) {
        principal.authorize(space, Scope.ARTIFACTS_READ);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("an event token lives more than 0 and at most " + MAX_LIFETIME);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(new EventToken(hashOf(secret), principal.keyId(), space, now.plus(lifetime)), secret);
    }

    /** Whether {@code presented} looks like a token at all: anything else is refused without a look-up. */
    public static boolean isWellFormed(String presented) {
        return presented != null && FORMAT.matcher(presented).matches();
    }

    /** Lower-case hex SHA-256 of a presented token: the look-up key in storage. */
    public static String hashOf(String presented) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(presented.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** What the token allows: reading the one space, with no other scope. */
    public Principal principal() {
        return new Principal(keyId, spaceId, java.util.Set.of(Scope.ARTIFACTS_READ));
    }

    /** A token just issued: what is stored, and the secret handed to the client once. */
    public record Issued(EventToken token, String secret) {

        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }
}
