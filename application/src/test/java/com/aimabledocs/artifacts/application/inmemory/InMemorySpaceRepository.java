package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemorySpaceRepository implements SpaceRepository, TransactionalResource {

    private Map<SpaceId, Space> rows = new LinkedHashMap<>();

    @Override
    public Optional<Space> findById(SpaceId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public void add(Space space) {
        if (rows.containsKey(space.id())) {
            throw new IllegalStateException("duplicate key: space " + space.id());
        }
        rows.put(space.id(), space);
    }

    public List<Space> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<SpaceId, Space>) snapshot);
    }
}
