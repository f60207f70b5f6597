package com.aimabledocs.artifacts.domain.space;

import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.MediaTypeMismatchException;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a space does when the media type a client declares contradicts what the bytes are. Either way the
 * detected type is recorded, and every download is an attachment under a sandboxing
 * Content-Security-Policy, so a declared type never makes a browser run the content.
 */
public enum MediaTypePolicy {
    /** Keep and serve the declared type; the detected one is recorded beside it. */
    TRUST_DECLARED,
    /** Refuse content whose declared type contradicts the bytes ({@code media_type_mismatch}). */
    REJECT_MISMATCH;

    public static final MediaTypePolicy DEFAULT = TRUST_DECLARED;

    /**
     * Checks declared against detected under this policy.
     *
     * @throws MediaTypeMismatchException when the policy refuses the combination
     */
    public void check(MediaType declared, MediaType detected, MediaTypeDetector detector) {
        if (this == REJECT_MISMATCH && detector.contradicts(declared, detected)) {
            throw new MediaTypeMismatchException(declared, detected);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MediaTypePolicy fromWireName(String text) {
        return Arrays.stream(values())
                .filter(p -> p.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("media_type_policy",
                        "media_type_policy must be one of " + Arrays.stream(values()).map(MediaTypePolicy::wireName).toList()));
    }
}
