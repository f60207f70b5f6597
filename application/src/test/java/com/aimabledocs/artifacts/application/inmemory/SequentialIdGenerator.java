package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * UUIDv7-shaped IDs, each sorting after the previous one (as UUIDs and as text), so that, as with real
 * v7 IDs, later means larger. Draws from the same sequence as the test data builders, so the two never
 * collide.
 */
public final class SequentialIdGenerator implements IdGenerator {

    private final List<UUID> issued = new ArrayList<>();

    @Override
    public UUID newId() {
        UUID id = TestIds.next();
        issued.add(id);
        return id;
    }

    public List<UUID> issued() {
        return List.copyOf(issued);
    }
}
