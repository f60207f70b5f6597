package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.port.EventJournal;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The journal as the table {@code space_events} (V9), in plain JDBC: inside a transaction the data source hands
 * out the transaction's connection, so {@link #append} commits or rolls back with the change it reports.
 *
 * <p><b>Why no reader skips an event.</b> An event's position is {@code (txid, id)}: the ID of the transaction that
 * wrote it, then its number. Transaction IDs are assigned when a transaction first writes, not when it commits, so a
 * transaction may commit after one with a larger ID. Reads therefore return only rows whose transaction ID is below
 * the oldest transaction still running ({@code pg_snapshot_xmin(pg_current_snapshot())}): every transaction below
 * that line has ended, so no row can ever appear behind a position a reader has already passed.
 */
@ApplicationScoped
public class JdbcEventJournal implements EventJournal {

    private static final String COLUMNS = """
            select e.txid::text, e.id, e.space_id, e.artifact_id, e.event_type, e.payload, e.created_at,
                   array(select t.thread_id from artifact_threads t where t.artifact_id = e.artifact_id
                         order by t.position)
            from space_events e""";
    private static final String SETTLED = "e.txid < pg_snapshot_xmin(pg_current_snapshot())";
    private static final String AFTER = "(e.txid, e.id) > (cast(? as xid8), ?)";

    private final DataSource dataSource;

    JdbcEventJournal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void append(SpaceId spaceId, ArtifactId artifactId, String eventType, String payload, Instant occurredAt) {
        update("append an event", """
                insert into space_events (space_id, artifact_id, event_type, payload, created_at)
                values (?, ?, ?, ?, ?)""", spaceId.value(), artifactId.value(), eventType, payload,
                Timestamp.from(occurredAt));
    }

    @Override
    public List<JournaledEvent> readSpace(SpaceId space, Optional<EventCursor> after, int limit) {
        if (after.isEmpty()) {
            return query(COLUMNS + " where e.space_id = ? and " + SETTLED + " order by e.txid, e.id limit ?",
                    space.value(), limit);
        }
        EventCursor cursor = after.get();
        return query(COLUMNS + " where e.space_id = ? and " + AFTER + " and " + SETTLED
                        + " order by e.txid, e.id limit ?",
                space.value(), Long.toString(cursor.transaction()), cursor.sequence(), limit);
    }

    @Override
    public List<JournaledEvent> readAll(EventCursor after, int limit) {
        return query(COLUMNS + " where " + AFTER + " and " + SETTLED + " order by e.txid, e.id limit ?",
                Long.toString(after.transaction()), after.sequence(), limit);
    }

    @Override
    public EventCursor head() {
        return position("select e.txid::text, e.id from space_events e where " + SETTLED
                + " order by e.txid desc, e.id desc limit 1").orElse(new EventCursor(0, 0));
    }

    @Override
    public boolean hasExpired(EventCursor cursor) {
        return position("select e.txid::text, e.id from space_events e order by e.txid, e.id limit 1")
                .map(oldest -> oldest.isAfter(cursor))
                .orElse(false);
    }

    /**
     * Deletes by position, not by time: every event up to the newest one older than the cutoff, so that the events
     * kept are exactly those after some position and {@link #hasExpired} can tell from the oldest one kept. The
     * newest event is never deleted, so that position survives a quiet week. Batches lock their rows with
     * {@code SKIP LOCKED}, so purges on several replicas never wait for each other.
     */
    @Override
    public int purgeBefore(Instant cutoff, int limit) {
        return update("purge events", """
                with watermark as (
                    select txid, id from space_events where created_at < ? order by txid desc, id desc limit 1),
                newest as (
                    select txid, id from space_events order by txid desc, id desc limit 1),
                batch as materialized (
                    select e.txid, e.id from space_events e, watermark w, newest n
                    where (e.txid, e.id) <= (w.txid, w.id) and (e.txid, e.id) < (n.txid, n.id)
                    order by e.txid, e.id limit ? for update of e skip locked)
                delete from space_events d using batch b where d.txid = b.txid and d.id = b.id""",
                Timestamp.from(cutoff), limit);
    }

    private List<JournaledEvent> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            List<JournaledEvent> events = new ArrayList<>();
            while (rs.next()) {
                Array threads = rs.getArray(8);
                events.add(new JournaledEvent(new EventCursor(Long.parseLong(rs.getString(1)), rs.getLong(2)),
                        SpaceId.of(rs.getObject(3, UUID.class)), ArtifactId.of(rs.getObject(4, UUID.class)),
                        threads == null ? List.of() : Arrays.asList((String[]) threads.getArray()),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
            return events;
        } catch (SQLException e) {
            throw JdbcFailures.translate("read events", e);
        }
    }

    private Optional<EventCursor> position(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(new EventCursor(Long.parseLong(rs.getString(1)), rs.getLong(2)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw JdbcFailures.translate("read the event journal's position", e);
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

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
