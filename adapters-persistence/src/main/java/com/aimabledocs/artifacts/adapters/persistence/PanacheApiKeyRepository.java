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
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * API keys in {@code api_keys}. Every read goes to the database (this repository caches nothing; the
 * authentication use case may remember successful look-ups briefly, see ApiKeyLookupCache). The look-up by secret hash, which every authenticated
 * request makes, is one plain prepared statement ({@link #FIND_BY_SECRET_HASH}) without Hibernate: outside a
 * transaction it is a single round trip on an auto-commit connection and no entity is managed.
 */
@ApplicationScoped
public class PanacheApiKeyRepository implements ApiKeyRepository, PanacheRepositoryBase<ApiKeyEntity, UUID> {

    /** {@code secret_hash} is {@code char(64)}: the parameter is cast to it so that the unique index is used. */
    static final String FIND_BY_SECRET_HASH = """
            select id, space_id, name, prefix, secret_hash, scopes, created_at, revoked_at
            from api_keys where secret_hash = cast(? as char(64))""";

    @Inject
    DataSource dataSource;

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_BY_SECRET_HASH)) {
            statement.setString(1, secretHash);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ApiKeyEntity row = new ApiKeyEntity();   // a plain carrier, never attached to a session
                row.id = rs.getObject(1, UUID.class);
                row.spaceId = rs.getObject(2, UUID.class);
                row.name = rs.getString(3);
                row.prefix = rs.getString(4);
                row.secretHash = rs.getString(5);
                row.scopes = (String[]) rs.getArray(6).getArray();
                row.createdAt = rs.getObject(7, OffsetDateTime.class).toInstant();
                OffsetDateTime revokedAt = rs.getObject(8, OffsetDateTime.class);
                row.revokedAt = revokedAt == null ? null : revokedAt.toInstant();
                return Optional.of(toDomain(row));
            }
        } catch (SQLException e) {
            throw JdbcFailures.translate("look up an API key", e);
        }
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
