package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;

/** A run of bytes of an object, {@code first} to {@code last} inclusive, as HTTP ranges count them. */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 || last < first) {
            throw new InvalidValueException("range", "a byte range runs from a first to a last byte, first <= last");
        }
    }

    /** The whole of an object of {@code length} bytes; only for objects with at least one byte. */
    public static ByteRange whole(long length) {
        return new ByteRange(0, length - 1);
    }

    public long length() {
        return last - first + 1;
    }
}
