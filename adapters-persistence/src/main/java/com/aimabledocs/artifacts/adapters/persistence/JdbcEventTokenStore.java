package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.EventToken;
import com.aimabledocs.artifacts.domain.port.EventTokenStore;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Event tokens in the table {@code event_tokens} (V9), in plain JDBC; a token of a revoked key is not found. */
@ApplicationScoped
public class JdbcEventTokenStore implements EventTokenStore {

    private final DataSource dataSource;

    JdbcEventTokenStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(EventToken token) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "insert into event_tokens (token_hash, api_key_id, space_id, expires_at) values (?, ?, ?, ?)")) {
            statement.setString(1, token.hash());
            statement.setObject(2, token.keyId().value());
            statement.setObject(3, token.spaceId().value());
            statement.setTimestamp(4, Timestamp.from(token.expiresAt()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw JdbcFailures.translate("store an event token", e);
        }
    }

    @Override
    public Optional<EventToken> findActive(String hash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select t.api_key_id, t.space_id, t.expires_at from event_tokens t
                     join api_keys k on k.id = t.api_key_id
                     where t.token_hash = ? and k.revoked_at is null""")) {
            statement.setString(1, hash);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EventToken(hash, ApiKeyId.of(rs.getObject(1, UUID.class)),
                        SpaceId.of(rs.getObject(2, UUID.class)), rs.getObject(3, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw JdbcFailures.translate("read an event token", e);
        }
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     with batch as materialized (
                         select token_hash from event_tokens where expires_at < ? limit ? for update skip locked)
                     delete from event_tokens where token_hash in (select token_hash from batch)""")) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setInt(2, limit);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw JdbcFailures.translate("purge event tokens", e);
        }
    }
}
