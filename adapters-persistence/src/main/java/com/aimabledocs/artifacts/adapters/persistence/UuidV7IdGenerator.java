package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** UUIDv7 (RFC 9562): time-ordered, so primary-key inserts append to the index instead of scattering. */
@ApplicationScoped
public class UuidV7IdGenerator implements IdGenerator {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    @Override
    public UUID newId() {
        return generator.generate();
    }
}
