package com.aimabledocs.artifacts.domain.shared;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic identifiers for tests: UUIDv7-shaped, and each one sorts after the previous one, both
 * as {@link UUID#compareTo} does and byte-wise as PostgreSQL does.
 */
public final class TestIds {

    /** 2025-01-01T00:00:00Z in epoch milliseconds: the "timestamp" of the first ID. */
    private static final long BASE_MILLIS = 1_735_689_600_000L;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestIds() {
    }

    /** The next ID of the shared, ever-increasing sequence. */
    public static UUID next() {
        return nth(SEQUENCE.incrementAndGet());
    }

    /** The {@code n}-th ID of a sequence: {@code nth(a) < nth(b)} whenever {@code a < b}. */
    public static UUID nth(long n) {
        if (n < 0 || n >= 1L << 40) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        long mostSignificant = ((BASE_MILLIS + n) << 16) | 0x7000L;
        long leastSignificant = 0x8000_0000_0000_0000L | n;
        return new UUID(mostSignificant, leastSignificant);
    }
}
