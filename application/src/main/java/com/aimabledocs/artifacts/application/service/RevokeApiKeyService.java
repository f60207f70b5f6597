package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.RevokeApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeyNotFoundException;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.Objects;

public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final ApiKeyLookupCache cache;

    /** {@code cache}: this process's memory of look-ups, which forgets the key once the revocation is committed. */
    public RevokeApiKeyService(ApiKeyRepository keys, UnitOfWork unitOfWork, Clock clock, ApiKeyLookupCache cache) {
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public ApiKey revoke(AdminPrincipal admin, SpaceId spaceId, ApiKeyId keyId) {
        Objects.requireNonNull(admin, "admin");
        ApiKey result = unitOfWork.inTransaction(() -> {
            ApiKey key = keys.findById(spaceId, keyId).orElseThrow(() -> new ApiKeyNotFoundException(keyId));
            if (!key.isActive()) {
                return key;
            }
            ApiKey revoked = key.revoke(clock.now());
            keys.update(revoked);
            return revoked;
        });
        cache.invalidate(result.secretHash());
        return result;
    }
}
