package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PanacheSpaceRepository implements SpaceRepository, PanacheRepositoryBase<SpaceEntity, UUID> {

    @Override
    public Optional<Space> findById(SpaceId id) {
        return findByIdOptional(id.value()).map(row -> new Space(SpaceId.of(row.id), row.name,
                MediaTypePolicy.fromWireName(row.mediaTypePolicy), row.createdAt));
    }

    @Override
    public void add(Space space) {
        SpaceEntity row = new SpaceEntity();
        row.id = space.id().value();
        row.name = space.name();
        row.mediaTypePolicy = space.mediaTypePolicy().wireName();
        row.createdAt = space.createdAt();
        persist(row);
        flush();
    }
}
