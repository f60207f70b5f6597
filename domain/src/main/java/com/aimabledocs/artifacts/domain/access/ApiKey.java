package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A credential bound to one space with a set of scopes. Holds the secret's hash, never the secret. */
public record ApiKey(ApiKeyId id, SpaceId spaceId, String prefix, String secretHash, Set<Scope> scopes,
                     Instant createdAt, Optional<Instant> revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        if (secretHash == null || !secretHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("secretHash must be a hex SHA-256");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidValueException("scopes", "an API key needs at least one scope");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    public static ApiKey issue(ApiKeyId id, SpaceId spaceId, ApiKeySecret secret, Set<Scope> scopes, Instant now) {
        return new ApiKey(id, spaceId, secret.prefix(), secret.hash(), scopes, now, Optional.empty());
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    public Principal principal() {
        return new Principal(id, spaceId, scopes);
    }
}
