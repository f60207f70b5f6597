package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.BootstrapSpaceUseCase;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.EnumSet;

public final class BootstrapSpaceService implements BootstrapSpaceUseCase {

    private final SpaceRepository spaces;
    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdGenerator ids;

    public BootstrapSpaceService(SpaceRepository spaces, ApiKeyRepository keys, UnitOfWork unitOfWork, Clock clock,
                                 IdGenerator ids) {
        this.spaces = spaces;
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void ensure(SpaceId spaceId, String apiKeySecret) {
        ApiKeySecret secret = ApiKeySecret.of(apiKeySecret);
        unitOfWork.inTransaction(() -> {
            if (spaces.findById(spaceId).isEmpty()) {
                spaces.add(new Space(spaceId, "bootstrap space", clock.now()));
            }
            keys.findBySecretHash(secret.hash()).ifPresentOrElse(existing -> {
                if (!existing.spaceId().equals(spaceId) || !existing.isActive()) {
                    throw new InvalidValueException("api_key",
                            "the bootstrap API key exists already, bound to another space or revoked");
                }
            }, () -> keys.add(ApiKey.issue(ApiKeyId.of(ids.newId()), spaceId, secret,
                    EnumSet.of(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE), clock.now())));
        });
    }
}
