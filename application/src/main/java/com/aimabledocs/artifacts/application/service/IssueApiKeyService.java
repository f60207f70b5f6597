package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.IssueApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import java.security.SecureRandom;
import java.util.Objects;

/** Draws 256 random bits for the secret, stores the key with the secret's SHA-256, and returns the secret once. */
public final class IssueApiKeyService implements IssueApiKeyUseCase {

    private final SpaceRepository spaces;
    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdGenerator ids;
    private final SecureRandom random;

    public IssueApiKeyService(SpaceRepository spaces, ApiKeyRepository keys, UnitOfWork unitOfWork, Clock clock,
                              IdGenerator ids, SecureRandom random) {
        this.spaces = spaces;
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public IssuedApiKey issue(AdminPrincipal admin, Command command) {
        Objects.requireNonNull(admin, "admin");
        ApiKeySecret secret = ApiKeySecret.generate(random);
        return unitOfWork.inTransaction(() -> {
            if (spaces.findById(command.spaceId()).isEmpty()) {
                throw new SpaceNotFoundException(command.spaceId());
            }
            ApiKey key = ApiKey.issue(ApiKeyId.of(ids.newId()), command.spaceId(), command.name(), secret,
                    command.scopes(), clock.now());
            keys.add(key);
            return new IssuedApiKey(key, secret);
        });
    }
}
