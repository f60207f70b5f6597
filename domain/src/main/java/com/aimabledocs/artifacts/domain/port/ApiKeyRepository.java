package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    /** Finds a key by the SHA-256 of its secret; revoked keys are returned too, the caller decides. */
    Optional<ApiKey> findBySecretHash(String secretHash);

    /** Finds a key by its ID within one space: a key of another space is not found. Revoked keys too. */
    Optional<ApiKey> findById(SpaceId spaceId, ApiKeyId id);

    /** Every key of the space, revoked ones included, newest first. */
    List<ApiKey> listBySpace(SpaceId spaceId);

    void add(ApiKey key);

    /** Stores a changed key (its revocation); the ID, space and hash never change. */
    void update(ApiKey key);
}
