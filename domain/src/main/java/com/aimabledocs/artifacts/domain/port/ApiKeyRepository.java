package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import java.util.Optional;

public interface ApiKeyRepository {

    /** Finds a key by the SHA-256 of its secret; revoked keys are returned too, the caller decides. */
    Optional<ApiKey> findBySecretHash(String secretHash);

    void add(ApiKey key);
}
