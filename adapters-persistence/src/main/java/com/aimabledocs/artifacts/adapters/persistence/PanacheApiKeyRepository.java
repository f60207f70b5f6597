package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class PanacheApiKeyRepository implements ApiKeyRepository, PanacheRepositoryBase<ApiKeyEntity, UUID> {

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return find("secretHash", secretHash).firstResultOptional().map(row -> new ApiKey(
                ApiKeyId.of(row.id), SpaceId.of(row.spaceId), row.prefix, row.secretHash,
                Arrays.stream(row.scopes).map(Scope::fromWireName).collect(Collectors.toSet()),
                row.createdAt, Optional.ofNullable(row.revokedAt)));
    }

    @Override
    public void add(ApiKey key) {
        ApiKeyEntity row = new ApiKeyEntity();
        row.id = key.id().value();
        row.spaceId = key.spaceId().value();
        row.prefix = key.prefix();
        row.secretHash = key.secretHash();
        row.scopes = key.scopes().stream().map(Scope::wireName).sorted().toArray(String[]::new);
        row.createdAt = key.createdAt();
        row.revokedAt = key.revokedAt().orElse(null);
        persist(row);
        flush();
    }
}
