package com.aimabledocs.artifacts.adapters.rest.admin;

import com.aimabledocs.artifacts.domain.space.Space;
import java.time.Instant;

public record SpaceResponse(String id, String name, String mediaTypePolicy, Instant createdAt) {

    static SpaceResponse of(Space space) {
        return new SpaceResponse(space.id().toString(), space.name(), space.mediaTypePolicy().wireName(),
                space.createdAt());
    }
}
