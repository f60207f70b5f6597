package com.aimabledocs.artifacts.domain.space;

import com.aimabledocs.artifacts.domain.shared.NotFoundException;

public final class SpaceNotFoundException extends NotFoundException {

    public SpaceNotFoundException(SpaceId id) {
        super("space", id);
    }
}
