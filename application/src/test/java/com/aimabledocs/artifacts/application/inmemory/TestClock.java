package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.port.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock that stands still until told to move, or that ticks a fixed step after each reading. */
public final class TestClock implements Clock {

    private Instant now;
    private Duration tick = Duration.ZERO;

    private TestClock(Instant now) {
        this.now = now;
    }

    public static TestClock at(Instant now) {
        return new TestClock(now);
    }

    public static TestClock at(String now) {
        return at(Instant.parse(now));
    }

    /** Every reading after this one is {@code step} later than the previous one. */
    public TestClock ticking(Duration step) {
        this.tick = step;
        return this;
    }

    @Override
    public Instant now() {
        Instant reading = now;
        now = now.plus(tick);
        return reading;
    }

    /** The next reading, without taking it. */
    public Instant peek() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }
}
