package com.aimabledocs.artifacts.adapters.rest.admin;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyName;
import com.aimabledocs.artifacts.domain.access.Scope;
import java.time.Instant;
import java.util.List;

/** A key as admins see it: never its secret or hash, only the display prefix. */
public record ApiKeyResponse(String id, String spaceId, String name, String prefix, List<String> scopes,
                             Instant createdAt, Instant revokedAt) {

    static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(key.id().toString(), key.spaceId().toString(),
                key.name().map(ApiKeyName::value).orElse(null), key.prefix(), scopesOf(key), key.createdAt(),
                key.revokedAt().orElse(null));
    }

    static List<String> scopesOf(ApiKey key) {
        return key.scopes().stream().map(Scope::wireName).sorted().toList();
    }
}
