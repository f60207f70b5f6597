package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.GetApiKeyQuery;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeyNotFoundException;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.Objects;

public final class GetApiKeyService implements GetApiKeyQuery {

    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;

    public GetApiKeyService(ApiKeyRepository keys, UnitOfWork unitOfWork) {
        this.keys = keys;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ApiKey get(AdminPrincipal admin, SpaceId spaceId, ApiKeyId keyId) {
        Objects.requireNonNull(admin, "admin");
        return unitOfWork.inTransaction(() -> keys.findById(spaceId, keyId))
                .orElseThrow(() -> new ApiKeyNotFoundException(keyId));
    }
}
