package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint.Disabled;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint.DisabledReason;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Webhook endpoints in {@code webhook_endpoints} (V10), in plain JDBC: inside a transaction the data source hands
 * out the transaction's connection, so every method works in the caller's transaction. Updates are optimistically
 * locked by {@code version}. Secrets are encrypted on the way in and decrypted on the way out by
 * {@link AesGcmSecretCipher}, bound to the endpoint's ID.
 */
@ApplicationScoped
public class JdbcWebhookEndpointRepository implements WebhookEndpointRepository {

    private static final String COLUMNS = """
            select id, space_id, url, event_types, description, secret_ciphertext, previous_secret_ciphertext,
                   previous_secret_until, disabled_reason, disabled_at, failing_since, created_at, updated_at, version
            from webhook_endpoints""";

    private final DataSource dataSource;
    private final AesGcmSecretCipher cipher;

    JdbcWebhookEndpointRepository(DataSource dataSource, AesGcmSecretCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    @Override
    public void add(WebhookEndpoint endpoint) {
        Stored stored = Stored.of(endpoint, cipher);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     insert into webhook_endpoints (id, space_id, url, event_types, description, secret_ciphertext,
                         previous_secret_ciphertext, previous_secret_until, disabled_reason, disabled_at,
                         failing_since, created_at, updated_at, version)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setObject(1, endpoint.id().value());
            statement.setObject(2, endpoint.spaceId().value());
            stored.bind(connection, statement, 3);
            statement.setObject(12, JdbcTimes.timestamp(endpoint.createdAt()));
            statement.setObject(13, JdbcTimes.timestamp(endpoint.updatedAt()));
            statement.setLong(14, endpoint.version());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw JdbcFailures.translate("add webhook endpoint " + endpoint.id(), e);
        }
    }

    @Override
    public void update(WebhookEndpoint endpoint) {
        Stored stored = Stored.of(endpoint, cipher);
        int updated;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     update webhook_endpoints set url = ?, event_types = ?, description = ?, secret_ciphertext = ?,
                         previous_secret_ciphertext = ?, previous_secret_until = ?, disabled_reason = ?,
                         disabled_at = ?, failing_since = ?, updated_at = ?, version = version + 1
                     where id = ? and space_id = ? and version = ?""")) {
            stored.bind(connection, statement, 1);
            statement.setObject(10, JdbcTimes.timestamp(endpoint.updatedAt()));
            statement.setObject(11, endpoint.id().value());
            statement.setObject(12, endpoint.spaceId().value());
            statement.setLong(13, endpoint.version());
            updated = statement.executeUpdate();
        } catch (SQLException e) {
            throw JdbcFailures.translate("update webhook endpoint " + endpoint.id(), e);
        }
        if (updated == 0) {
            // changed (or deleted) since it was read
            throw new ConcurrentUpdateException("webhook endpoint", endpoint.id());
        }
    }

    @Override
    public Optional<WebhookEndpoint> findById(SpaceId spaceId, WebhookEndpointId id) {
        return query("read webhook endpoint " + id, COLUMNS + " where id = ? and space_id = ?",
                id.value(), spaceId.value()).stream().findFirst();
    }

    @Override
    public List<WebhookEndpoint> listBySpace(SpaceId spaceId) {
        return query("list webhook endpoints", COLUMNS + " where space_id = ? order by created_at desc, id desc",
                spaceId.value());
    }

    @Override
    public int countBySpace(SpaceId spaceId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from webhook_endpoints where space_id = ?")) {
            statement.setObject(1, spaceId.value());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw JdbcFailures.translate("count webhook endpoints", e);
        }
    }

    /** Oldest first, so that the deliveries of one event are scheduled in a stable order. */
    @Override
    public List<WebhookEndpoint> findReceiving(SpaceId spaceId, WebhookEventType type) {
        return query("find the webhook endpoints receiving " + type, COLUMNS
                        + " where space_id = ? and disabled_reason is null and ? = any(event_types)"
                        + " order by created_at, id",
                spaceId.value(), type.value());
    }

    @Override
    public boolean delete(SpaceId spaceId, WebhookEndpointId id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "delete from webhook_endpoints where id = ? and space_id = ?")) {
            statement.setObject(1, id.value());
            statement.setObject(2, spaceId.value());
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw JdbcFailures.translate("delete webhook endpoint " + id, e);
        }
    }

    private List<WebhookEndpoint> query(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<WebhookEndpoint> endpoints = new ArrayList<>();
                while (rs.next()) {
                    endpoints.add(toDomain(rs));
                }
                return endpoints;
            }
        } catch (SQLException e) {
            throw JdbcFailures.translate(what, e);
        }
    }

    private WebhookEndpoint toDomain(ResultSet rs) throws SQLException {
        WebhookEndpointId id = WebhookEndpointId.of(rs.getObject(1, UUID.class));
        Array types = rs.getArray(4);
        Optional<Instant> previousUntil = JdbcTimes.instant(rs, 8);
        String reason = rs.getString(9);
        Optional<Disabled> disabled = reason == null ? Optional.empty()
                : Optional.of(new Disabled(reason(reason), JdbcTimes.instant(rs, 10).orElseThrow()));
        byte[] previous = rs.getBytes(7);
        return new WebhookEndpoint(id, SpaceId.of(rs.getObject(2, UUID.class)),
                new WebhookUrl(URI.create(rs.getString(3))),
                Arrays.stream((String[]) types.getArray()).map(WebhookEventType::new).collect(Collectors.toSet()),
                Optional.ofNullable(rs.getString(5)),
                cipher.decrypt(id, rs.getBytes(6)),
                previous == null ? Optional.empty() : Optional.of(cipher.decrypt(id, previous)),
                previousUntil, disabled, JdbcTimes.instant(rs, 11),
                JdbcTimes.instant(rs, 12).orElseThrow(), JdbcTimes.instant(rs, 13).orElseThrow(), rs.getLong(14));
    }

    private static DisabledReason reason(String wireName) {
        return Arrays.stream(DisabledReason.values()).filter(r -> r.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown disabled_reason " + wireName));
    }

    /** The changeable columns of an endpoint, from {@code url} to {@code failing_since}, secrets encrypted. */
    private record Stored(WebhookEndpoint endpoint, byte[] secret, byte[] previousSecret) {

        static Stored of(WebhookEndpoint endpoint, AesGcmSecretCipher cipher) {
            return new Stored(endpoint, cipher.encrypt(endpoint.id(), endpoint.secret()),
                    endpoint.previousSecret().map(s -> cipher.encrypt(endpoint.id(), s)).orElse(null));
        }

        /** Binds the nine columns url … failing_since to the parameters from {@code first} on. */
        void bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
            String[] types = endpoint.eventTypes().stream().map(WebhookEventType::value).sorted()
                    .toArray(String[]::new);
            statement.setString(first, endpoint.url().value().toString());
            statement.setArray(first + 1, connection.createArrayOf("text", types));
            statement.setString(first + 2, endpoint.description().orElse(null));
            statement.setBytes(first + 3, secret);
            statement.setBytes(first + 4, previousSecret);
            statement.setObject(first + 5, endpoint.previousSecretUntil().map(JdbcTimes::timestamp).orElse(null),
                    java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setString(first + 6, endpoint.disabled().map(d -> d.reason().wireName()).orElse(null));
            statement.setObject(first + 7, endpoint.disabled().map(d -> JdbcTimes.timestamp(d.at())).orElse(null),
                    java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(first + 8, endpoint.failingSince().map(JdbcTimes::timestamp).orElse(null),
                    java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }
}
