package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Webhook deliveries in {@code webhook_deliveries} and their attempts in {@code webhook_attempts} (V10), in plain
 * JDBC: inside a transaction the data source hands out the transaction's connection, so every method works in the
 * caller's transaction.
 *
 * <p><b>Claims.</b> {@link #claimDue} is one statement: it locks the due rows with {@code FOR UPDATE SKIP LOCKED}
 * (a row another replica is claiming is skipped, not waited for) and moves their next attempt to
 * {@code claimUntil}. A row claimed by a transaction that committed meanwhile is re-checked on its new version and
 * is no longer due, so no delivery is handed out twice while its claim holds. The deliveries come back as they were
 * before the claim: {@code nextAttemptAt} is the time they became due, not {@code claimUntil}.
 *
 * <p>A delivery deleted with its endpoint while it was being attempted makes {@link #update} and
 * {@link #addAttempt} throw {@link ConcurrentUpdateException}.
 */
@ApplicationScoped
public class JdbcWebhookDeliveryRepository implements WebhookDeliveryRepository {

    private static final String COLUMNS = """
            select id, endpoint_id, space_id, event_id, event_type, body, status, attempts, next_attempt_at,
                   created_at, updated_at
            from webhook_deliveries""";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** PostgreSQL orders uuid values as unsigned bytes; {@link UUID#compareTo} compares signed longs. */
    private static final Comparator<UUID> POSTGRES_UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final DataSource dataSource;

    JdbcWebhookDeliveryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean addIfAbsent(WebhookDelivery delivery) {
        return update("add webhook delivery " + delivery.id(), """
                insert into webhook_deliveries (id, endpoint_id, space_id, event_id, event_type, body, status,
                    attempts, next_attempt_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (endpoint_id, event_id) do nothing""",
                delivery.id().value(), delivery.endpointId().value(), delivery.spaceId().value(), delivery.eventId(),
                delivery.eventType().value(), delivery.body(), delivery.status().wireName(), delivery.attempts(),
                timestamp(delivery.nextAttemptAt()), JdbcTimes.timestamp(delivery.createdAt()),
                JdbcTimes.timestamp(delivery.updatedAt())) > 0;
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Instant claimUntil, int limit,
                                          Collection<WebhookEndpointId> skip) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     with claimed as materialized (
                         select d.id, d.next_attempt_at, d.updated_at
                         from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                         where d.status = 'pending' and d.next_attempt_at <= ? and e.disabled_reason is null
                           and d.endpoint_id <> all(?)
                         order by d.next_attempt_at
                         limit ?
                         for update of d skip locked)
                     update webhook_deliveries d set next_attempt_at = ?, updated_at = ?
                     from claimed c where d.id = c.id
                     returning d.id, d.endpoint_id, d.space_id, d.event_id, d.event_type, d.body, d.status,
                               d.attempts, c.next_attempt_at, d.created_at, c.updated_at""")) {
            statement.setObject(1, JdbcTimes.timestamp(now));
            statement.setArray(2, connection.createArrayOf("uuid",
                    skip.stream().map(WebhookEndpointId::value).toArray(UUID[]::new)));
            statement.setInt(3, limit);
            statement.setObject(4, JdbcTimes.timestamp(claimUntil));
            statement.setObject(5, JdbcTimes.timestamp(now));
            List<WebhookDelivery> claimed = read(statement);
            // RETURNING keeps no order
            claimed.sort(Comparator.comparing((WebhookDelivery d) -> d.nextAttemptAt().orElseThrow())
                    .thenComparing(d -> d.id().value(), POSTGRES_UUID_ORDER));
            return claimed;
        } catch (SQLException e) {
            throw JdbcFailures.translate("claim due webhook deliveries", e);
        }
    }

    @Override
    public void update(WebhookDelivery delivery) {
        int updated = update("update webhook delivery " + delivery.id(), """
                update webhook_deliveries set status = ?, attempts = ?, next_attempt_at = ?, updated_at = ?
                where id = ? and endpoint_id = ?""",
                delivery.status().wireName(), delivery.attempts(), timestamp(delivery.nextAttemptAt()),
                JdbcTimes.timestamp(delivery.updatedAt()), delivery.id().value(), delivery.endpointId().value());
        if (updated == 0) {
            throw new ConcurrentUpdateException("webhook delivery", delivery.id());
        }
    }

    @Override
    public void addAttempt(DeliveryAttempt attempt) {
        try {
            update("add an attempt of webhook delivery " + attempt.deliveryId(), """
                    insert into webhook_attempts (delivery_id, number, attempted_at, duration_ms, http_status,
                        response_body, error)
                    values (?, ?, ?, ?, ?, ?, ?)""",
                    attempt.deliveryId().value(), attempt.number(), JdbcTimes.timestamp(attempt.attemptedAt()),
                    attempt.duration().toMillis(), attempt.httpStatus().orElse(null),
                    attempt.responseBody().orElse(null), attempt.error().orElse(null));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
                throw new ConcurrentUpdateException("webhook delivery", attempt.deliveryId());
            }
            throw e;
        }
    }

    @Override
    public Optional<WebhookDelivery> findById(WebhookEndpointId endpointId, WebhookDeliveryId id) {
        return query("read webhook delivery " + id, COLUMNS + " where id = ? and endpoint_id = ?",
                id.value(), endpointId.value()).stream().findFirst();
    }

    @Override
    public List<WebhookDelivery> page(WebhookEndpointId endpointId, Optional<DeliveryStatus> status,
                                      Optional<WebhookDeliveryId> after, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where endpoint_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(endpointId.value());
        status.ifPresent(s -> {
            sql.append(" and status = ?");
            parameters.add(s.wireName());
        });
        after.ifPresent(a -> {
            sql.append(" and id < ?");
            parameters.add(a.value());
        });
        sql.append(" order by id desc limit ?");
        parameters.add(limit);
        return query("page the deliveries of webhook endpoint " + endpointId, sql.toString(), parameters.toArray());
    }

    @Override
    public Map<WebhookDeliveryId, List<DeliveryAttempt>> attemptsOf(Collection<WebhookDeliveryId> deliveries) {
        Map<WebhookDeliveryId, List<DeliveryAttempt>> attempts = new LinkedHashMap<>();
        deliveries.forEach(id -> attempts.put(id, new ArrayList<>()));
        if (deliveries.isEmpty()) {
            return attempts;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select delivery_id, number, attempted_at, duration_ms, http_status, response_body, error
                     from webhook_attempts where delivery_id = any(?)
                     order by delivery_id, number, id""")) {
            statement.setArray(1, connection.createArrayOf("uuid",
                    deliveries.stream().map(WebhookDeliveryId::value).toArray(UUID[]::new)));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    WebhookDeliveryId id = WebhookDeliveryId.of(rs.getObject(1, UUID.class));
                    int httpStatus = rs.getInt(5);
                    Optional<Integer> status = rs.wasNull() ? Optional.empty() : Optional.of(httpStatus);
                    attempts.get(id).add(new DeliveryAttempt(id, rs.getInt(2),
                            JdbcTimes.instant(rs, 3).orElseThrow(), Duration.ofMillis(rs.getLong(4)), status,
                            Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7))));
                }
            }
        } catch (SQLException e) {
            throw JdbcFailures.translate("read the attempts of webhook deliveries", e);
        }
        attempts.replaceAll((id, list) -> List.copyOf(list));
        return attempts;
    }

    @Override
    public int abandonPending(WebhookEndpointId endpointId, Instant now) {
        return update("abandon the pending deliveries of webhook endpoint " + endpointId, """
                update webhook_deliveries set status = 'failed', next_attempt_at = null, updated_at = ?
                where endpoint_id = ? and status = 'pending'""",
                JdbcTimes.timestamp(now), endpointId.value());
    }

    /** The same rows {@link #claimDue} would take first, ignoring claims in progress. */
    @Override
    public Optional<Instant> oldestDue(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select d.next_attempt_at
                     from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                     where d.status = 'pending' and d.next_attempt_at <= ? and e.disabled_reason is null
                     order by d.next_attempt_at
                     limit 1""")) {
            statement.setObject(1, JdbcTimes.timestamp(now));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? JdbcTimes.instant(rs, 1) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JdbcFailures.translate("read the oldest due webhook delivery", e);
        }
    }

    private List<WebhookDelivery> query(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return read(statement);
        } catch (SQLException e) {
            throw JdbcFailures.translate(what, e);
        }
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw JdbcFailures.translate(what, e);
        }
    }

    private static List<WebhookDelivery> read(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            List<WebhookDelivery> deliveries = new ArrayList<>();
            while (rs.next()) {
                deliveries.add(new WebhookDelivery(WebhookDeliveryId.of(rs.getObject(1, UUID.class)),
                        WebhookEndpointId.of(rs.getObject(2, UUID.class)), SpaceId.of(rs.getObject(3, UUID.class)),
                        rs.getString(4), new WebhookEventType(rs.getString(5)), rs.getString(6),
                        DeliveryStatus.fromWireName(rs.getString(7)), rs.getInt(8), JdbcTimes.instant(rs, 9),
                        JdbcTimes.instant(rs, 10).orElseThrow(), JdbcTimes.instant(rs, 11).orElseThrow()));
            }
            return deliveries;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }

    private static Object timestamp(Optional<Instant> instant) {
        return instant.map(JdbcTimes::timestamp).orElse(null);
    }
}
