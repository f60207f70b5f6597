package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.space.SpaceId;

/**
 * Revokes a key for good. Idempotent: revoking a revoked key succeeds and keeps its first revocation time.
 * Authentication reads the key on every request, so the revocation holds on every replica once committed.
 */
public interface RevokeApiKeyUseCase {

    /** @throws com.aimabledocs.artifacts.domain.access.ApiKeyNotFoundException when the space has no such key */
    ApiKey revoke(AdminPrincipal admin, SpaceId spaceId, ApiKeyId keyId);
}
