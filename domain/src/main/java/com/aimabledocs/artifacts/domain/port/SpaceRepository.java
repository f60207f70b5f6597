package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.Optional;

public interface SpaceRepository {

    Optional<Space> findById(SpaceId id);

    void add(Space space);
}
