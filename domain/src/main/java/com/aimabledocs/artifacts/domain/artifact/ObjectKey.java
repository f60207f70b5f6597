package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where bytes live in the object store. A key is one of two kinds:
 * <ul>
 *   <li>a key this service builds from server-made IDs ({@link #contentOf}): a
 *       lower-case path, never derived from a client's file name, so no request can aim a write at
 *       another artifact's object;</li>
 *   <li>a key another service chose for an object it put under {@value #INCOMING_PREFIX} and names in a
 *       generation request ({@link #incoming}): whatever S3 allows (UTF-8, up to
 *       {@value #MAX_INCOMING_BYTES} bytes, any case, dots), except control characters and empty,
 *       {@code .} or {@code ..} segments, so that the key names exactly one object under
 *       {@value #INCOMING_PREFIX} on every store, a file-system-backed one included. Such a key is only
 *       ever read.</li>
 * </ul>
 */
public record ObjectKey(String value) {

    public static final String INCOMING_PREFIX = "incoming/";
    /** S3's limit on a key, in bytes of its UTF-8 form. */
    public static final int MAX_INCOMING_BYTES = 1024;

    /** Keys built from IDs. */
    private static final Pattern BUILT = Pattern.compile("[a-z0-9][a-z0-9/_-]{0,511}");

    /**
     * The form of a key under {@code incoming/}: segments of one or more characters other than '/' and the
     * control characters (what {@link Character#isISOControl} calls one), none of them "." or "..".
     * docs/asyncapi.yaml gives the same regular expression as the pattern of
     * {@code content_ref.object_key}; the length limit is checked apart, in bytes.
     */
    public static final String INCOMING_PATTERN =
            "^incoming(/(?!\\.\\.?(/|$))[^/\\u0000-\\u001f\\u007f-\\u009f]+)+$";
    private static final Pattern INCOMING = Pattern.compile(INCOMING_PATTERN);

    public ObjectKey {
        if (value != null && value.startsWith(INCOMING_PREFIX)) {
            checkIncoming(value);
        } else if (value == null || !BUILT.matcher(value).matches() || value.contains("//")) {
            throw new InvalidValueException("object_key", "object keys are lower-case paths built from IDs");
        }
    }

    /**
     * A key that another service chose for an object it put under {@value #INCOMING_PREFIX}.
     *
     * @throws InvalidValueException ({@code invalid_object_key}) for a key outside {@value #INCOMING_PREFIX}
     *                               or one that breaks the rules above
     */
    public static ObjectKey incoming(String value) {
        if (value == null || !value.startsWith(INCOMING_PREFIX)) {
            throw new InvalidValueException("object_key", "the object key must start with " + INCOMING_PREFIX);
        }
        return new ObjectKey(value);
    }

    /**
     * The final, permanent home of an artifact's content. The API and the worker stage a request's bytes
     * here directly; the artifact's status, not the object's presence, says whether they are ready.
     */
    public static ObjectKey contentOf(SpaceId space, ArtifactId artifact) {
        return new ObjectKey("spaces/%s/artifacts/%s/content".formatted(space, artifact));
    }

    /** Whether another service chose this key, for an object it put under {@value #INCOMING_PREFIX}. */
    public boolean isIncoming() {
        return value.startsWith(INCOMING_PREFIX);
    }

    private static void checkIncoming(String value) {
        // An unpaired surrogate has no UTF-8 form (the encoder would silently write '?'); the length comes
        // before the pattern, which it bounds.
        if (value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new InvalidValueException("object_key", "the object key is not valid Unicode text");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_INCOMING_BYTES) {
            throw new InvalidValueException("object_key",
                    "the object key must be at most " + MAX_INCOMING_BYTES + " bytes in UTF-8");
        }
        if (!INCOMING.matcher(value).matches()) {
            throw new InvalidValueException("object_key", "the object key must be " + INCOMING_PREFIX
                    + " followed by '/'-separated segments, none empty, '.' or '..', without control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
