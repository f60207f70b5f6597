package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A credential bound to one space with a set of scopes. Holds the secret's hash, never the secret. Its one
 * transition is {@link #revoke}: active → revoked, for good.
 */
public record ApiKey(ApiKeyId id, SpaceId spaceId, Optional<ApiKeyName> name, String prefix, String secretHash,
                     Set<Scope> scopes, Instant createdAt, Optional<Instant> revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        name = name == null ? Optional.empty() : name;
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
        return issue(id, spaceId, Optional.empty(), secret, scopes, now);
    }

    public static ApiKey issue(ApiKeyId id, SpaceId spaceId, Optional<ApiKeyName> name, ApiKeySecret secret,
                               Set<Scope> scopes, Instant now) {
        return new ApiKey(id, spaceId, name, secret.prefix(), secret.hash(), scopes, now, Optional.empty());
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    /**
     * Revokes the key from {@code now} on. Revoking a revoked key changes nothing (it keeps its first
     * revocation time), so a repeated revoke is harmless.
     */
    public ApiKey revoke(Instant now) {
        Objects.requireNonNull(now, "now");
        if (!isActive()) {
            return this;
        }
        Instant at = now.isBefore(createdAt) ? createdAt : now;
        return new ApiKey(id, spaceId, name, prefix, secretHash, scopes, createdAt, Optional.of(at));
    }

    /**
     * Whether {@code secret} is this key's secret, comparing the hashes in constant time. Keys are found by
     * their hash through an index; this check after the lookup makes the decision itself independent of
     * where two hashes first differ.
     */
    public boolean matches(ApiKeySecret secret) {
        return MessageDigest.isEqual(secretHash.getBytes(StandardCharsets.US_ASCII),
                secret.hash().getBytes(StandardCharsets.US_ASCII));
    }

    public Principal principal() {
        return new Principal(id, spaceId, scopes);
    }
}
