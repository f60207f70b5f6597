package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeyName;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API keys in {@code api_keys}. Every read goes to the database (no cache), so a revocation committed by one
 * replica holds on all of them for the next request.
 */
@ApplicationScoped
public class PanacheApiKeyRepository implements ApiKeyRepository, PanacheRepositoryBase<ApiKeyEntity, UUID> {

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return find("secretHash", secretHash).firstResultOptional().map(PanacheApiKeyRepository::toDomain);
    }

    @Override
    public Optional<ApiKey> findById(SpaceId spaceId, ApiKeyId id) {
        return find("id = ?1 and spaceId = ?2", id.value(), spaceId.value()).firstResultOptional()
                .map(PanacheApiKeyRepository::toDomain);
    }

    @Override
    public List<ApiKey> listBySpace(SpaceId spaceId) {
        return find("spaceId", Sort.descending("createdAt", "id"), spaceId.value()).stream()
                .map(PanacheApiKeyRepository::toDomain).toList();
    }

    @Override
    public void add(ApiKey key) {
        ApiKeyEntity row = new ApiKeyEntity();
        row.id = key.id().value();
        row.spaceId = key.spaceId().value();
        row.secretHash = key.secretHash();
        copyChangeable(key, row);
        row.createdAt = key.createdAt();
        persist(row);
        flush();
    }

    @Override
    public void update(ApiKey key) {
        ApiKeyEntity row = find("id = ?1 and spaceId = ?2", key.id().value(), key.spaceId().value())
                .firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("no API key " + key.id() + " to update"));
        copyChangeable(key, row);
        flush();
    }

    private static void copyChangeable(ApiKey key, ApiKeyEntity row) {
        row.name = key.name().map(ApiKeyName::value).orElse(null);
        row.prefix = key.prefix();
        row.scopes = key.scopes().stream().map(Scope::wireName).sorted().toArray(String[]::new);
        row.revokedAt = key.revokedAt().orElse(null);
    }

    private static ApiKey toDomain(ApiKeyEntity row) {
        return new ApiKey(ApiKeyId.of(row.id), SpaceId.of(row.spaceId), Optional.ofNullable(row.name).map(ApiKeyName::new),
                row.prefix, row.secretHash.strip(),
                Arrays.stream(row.scopes).map(Scope::fromWireName).collect(Collectors.toSet()),
                row.createdAt, Optional.ofNullable(row.revokedAt));
    }
}
