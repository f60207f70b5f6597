package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest in lower-case hex: the identity of an artifact's bytes and its strong ETag. */
public record Sha256(String hex) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !FORM.matcher(hex).matches()) {
            throw new InvalidValueException("sha256", "sha256 must be 64 lower-case hexadecimal characters");
        }
    }

    public static Sha256 parse(String field, String text) {
        if (text == null || !FORM.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches()) {
            throw new InvalidValueException(field, field + " must be 64 hexadecimal characters");
        }
        return new Sha256(text.toLowerCase(java.util.Locale.ROOT));
    }

    public static Sha256 ofDigest(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new InvalidValueException("sha256", "a SHA-256 digest has 32 bytes");
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    /** The base64 form S3 wants in {@code x-amz-checksum-sha256}. */
    public String base64() {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return hex;
    }
}
