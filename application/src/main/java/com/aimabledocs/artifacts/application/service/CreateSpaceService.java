package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.CreateSpaceUseCase;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.Objects;

public final class CreateSpaceService implements CreateSpaceUseCase {

    private final SpaceRepository spaces;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdGenerator ids;

    public CreateSpaceService(SpaceRepository spaces, UnitOfWork unitOfWork, Clock clock, IdGenerator ids) {
        this.spaces = spaces;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Space create(AdminPrincipal admin, String name, MediaTypePolicy mediaTypePolicy) {
        Objects.requireNonNull(admin, "admin");
        Space space = new Space(SpaceId.of(ids.newId()), name, mediaTypePolicy, clock.now());
        unitOfWork.inTransaction(() -> spaces.add(space));
        return space;
    }
}
