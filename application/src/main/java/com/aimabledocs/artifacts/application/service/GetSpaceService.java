package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.GetSpaceQuery;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import java.util.Objects;

public final class GetSpaceService implements GetSpaceQuery {

    private final SpaceRepository spaces;
    private final UnitOfWork unitOfWork;

    public GetSpaceService(SpaceRepository spaces, UnitOfWork unitOfWork) {
        this.spaces = spaces;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Space get(AdminPrincipal admin, SpaceId spaceId) {
        Objects.requireNonNull(admin, "admin");
        return find(spaceId);
    }

    @Override
    public Space get(Principal principal, SpaceId spaceId) {
        if (!principal.spaceId().equals(spaceId)) {
            throw new SpaceNotFoundException(spaceId);
        }
        return find(spaceId);
    }

    private Space find(SpaceId spaceId) {
        return unitOfWork.inTransaction(() -> spaces.findById(spaceId))
                .orElseThrow(() -> new SpaceNotFoundException(spaceId));
    }
}
