package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.AuthenticateApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.UnauthenticatedException;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;

/**
 * Looks a key up by the hash of its secret, then compares the stored and computed hashes in constant time.
 * The lookup is an index probe on a SHA-256, so no secret is compared byte by byte and timing reveals
 * nothing about stored keys. The key is read on every request (no cache): a revocation holds at once on
 * every replica. The look-up is a single statement, so it runs as a {@link UnitOfWork#read read}: no
 * transaction of its own.
 */
public final class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;

    public AuthenticateApiKeyService(ApiKeyRepository keys, UnitOfWork unitOfWork) {
        this.keys = keys;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Principal authenticate(String presentedKey) {
        ApiKeySecret secret;
        try {
            secret = ApiKeySecret.of(presentedKey);
        } catch (InvalidValueException malformed) {
            throw new UnauthenticatedException();
        }
        return unitOfWork.read(() -> keys.findBySecretHash(secret.hash()))
                .filter(key -> key.matches(secret))
                .filter(ApiKey::isActive)
                .map(ApiKey::principal)
                .orElseThrow(UnauthenticatedException::new);
    }
}
