package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.port.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The wall clock at microsecond precision, which is what PostgreSQL's {@code timestamptz} keeps: a time
 * read back from the database equals the time written, so keyset cursors built from either agree.
 */
@ApplicationScoped
public class SystemClock implements Clock {

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
