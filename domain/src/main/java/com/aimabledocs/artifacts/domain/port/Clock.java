package com.aimabledocs.artifacts.domain.port;

import java.time.Instant;

/** The current time. Injected so that no rule reads the wall clock by itself and tests can fix time. */
@FunctionalInterface
public interface Clock {

    Instant now();
}
