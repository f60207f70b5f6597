package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SHA-256 hashes of the secrets that may administer spaces and keys. Several may be valid at once, so
 * a secret can be rotated without downtime (add the new hash, deploy, switch clients, drop the old one).
 * None at all means the administration API is off. Only hashes are held; a presented secret is hashed and
 * compared with every configured hash in constant time.
 */
public final class AdminCredentials {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<byte[]> hashes;

    private AdminCredentials(List<byte[]> hashes) {
        this.hashes = hashes;
    }

    /** No admin credential: every presented secret is refused. */
    public static AdminCredentials disabled() {
        return new AdminCredentials(List.of());
    }

    /**
     * Reads a comma-separated list of hex SHA-256 values (blanks around the commas are ignored). An empty or
     * blank text disables the admin API; anything else that is not a hex SHA-256 is refused.
     */
    public static AdminCredentials parse(String commaSeparatedSha256) {
        if (commaSeparatedSha256 == null || commaSeparatedSha256.isBlank()) {
            return disabled();
        }
        List<byte[]> hashes = new ArrayList<>();
        for (String part : commaSeparatedSha256.split(",", -1)) {
            String hex = part.strip();
            if (!SHA256_HEX.matcher(hex).matches()) {
                throw new InvalidValueException("admin_key_sha256",
                        "every admin key hash must be 64 hexadecimal characters (a SHA-256), separated by commas");
            }
            hashes.add(HexFormat.of().parseHex(hex));
        }
        return new AdminCredentials(List.copyOf(hashes));
    }

    public boolean isEnabled() {
        return !hashes.isEmpty();
    }

    /** How many hashes are configured (two while a secret is being rotated). */
    public int count() {
        return hashes.size();
    }

    /**
     * The admin principal if {@code presented} is one of the configured secrets. Every configured hash is
     * compared, each with {@link MessageDigest#isEqual}, so the time taken does not tell which one matched
     * or how much of it did.
     */
    public Optional<AdminPrincipal> authenticate(ApiKeySecret presented) {
        byte[] candidate = HexFormat.of().parseHex(presented.hash());
        int matched = -1;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(hashes.get(i), candidate)) {
                matched = i;
            }
        }
        return matched < 0 ? Optional.empty()
                : Optional.of(new AdminPrincipal(HexFormat.of().formatHex(hashes.get(matched), 0, 4)));
    }

    /** Never prints the hashes. */
    @Override
    public String toString() {
        return "AdminCredentials[" + hashes.size() + " configured]";
    }
}
