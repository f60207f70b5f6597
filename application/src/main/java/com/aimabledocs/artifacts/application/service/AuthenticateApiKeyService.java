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
 * nothing about stored keys. The look-up is a single statement, so it runs as a {@link UnitOfWork#read read}:
 * no transaction of its own. Successful look-ups may be remembered for a short TTL ({@link ApiKeyLookupCache},
 * off when the TTL is zero): the constant-time comparison and the active check still run on every request, and a
 * revocation through another replica then holds here within that TTL.
 */
public final class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;
    private final ApiKeyLookupCache cache;

    public AuthenticateApiKeyService(ApiKeyRepository keys, UnitOfWork unitOfWork, ApiKeyLookupCache cache) {
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.cache = cache;
    }

    @Override
    public Principal authenticate(String presentedKey) {
        ApiKeySecret secret;
        try {
            secret = ApiKeySecret.of(presentedKey);
        } catch (InvalidValueException malformed) {
            throw new UnauthenticatedException();
        }
        return cache.find(secret.hash(), hash -> unitOfWork.read(() -> keys.findBySecretHash(hash)))
                .filter(key -> key.matches(secret))
                .filter(ApiKey::isActive)
                .map(ApiKey::principal)
                .orElseThrow(UnauthenticatedException::new);
    }
}
