package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ListApiKeysQuery;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import java.util.List;
import java.util.Objects;

public final class ListApiKeysService implements ListApiKeysQuery {

    private final SpaceRepository spaces;
    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;

    public ListApiKeysService(SpaceRepository spaces, ApiKeyRepository keys, UnitOfWork unitOfWork) {
        this.spaces = spaces;
        this.keys = keys;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<ApiKey> list(AdminPrincipal admin, SpaceId spaceId) {
        Objects.requireNonNull(admin, "admin");
        return unitOfWork.inTransaction(() -> {
            if (spaces.findById(spaceId).isEmpty()) {
                throw new SpaceNotFoundException(spaceId);
            }
            return keys.listBySpace(spaceId);
        });
    }
}
