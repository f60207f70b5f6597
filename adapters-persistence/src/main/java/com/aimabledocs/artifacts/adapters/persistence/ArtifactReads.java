package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.exception.JDBCConnectionException;

/**
 * The read path of one artifact without Hibernate: a single prepared statement that also aggregates the
 * artifact's thread IDs ({@code array(...)} subselect, in their order), mapped straight to the aggregate. Run
 * outside a transaction it is one round trip on an auto-commit connection, with no persistence context to
 * flush or dirty-check. Inside a JTA transaction the data source hands out the transaction's connection.
 */
@ApplicationScoped
class ArtifactReads {

    static final String FIND_BY_ID = """
            select a.id, a.space_id, a.name, a.document_type, a.status, a.declared_media_type, a.media_type,
                   a.detected_media_type, a.size_bytes, a.sha256, a.metadata::text, a.failure_code, a.failure_message,
                   a.created_at, a.updated_at, a.version,
                   array(select t.thread_id from artifact_threads t where t.artifact_id = a.id order by t.position)
            from artifacts a where a.id = ? and a.space_id = ?""";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> METADATA = new TypeReference<>() {
    };

    private final DataSource dataSource;

    ArtifactReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Artifact> findById(SpaceId spaceId, ArtifactId id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_BY_ID)) {
            statement.setObject(1, id.value());
            statement.setObject(2, spaceId.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(toDomain(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JdbcFailures.translate("read artifact " + id, e);
        }
    }

    private static Artifact toDomain(ResultSet rs) throws SQLException {
        ArtifactEntity row = new ArtifactEntity();   // a plain carrier here, never attached to a session
        row.id = rs.getObject(1, UUID.class);
        row.spaceId = rs.getObject(2, UUID.class);
        row.name = rs.getString(3);
        row.documentType = rs.getString(4);
        row.status = rs.getString(5);
        row.declaredMediaType = rs.getString(6);
        row.mediaType = rs.getString(7);
        row.detectedMediaType = rs.getString(8);
        long size = rs.getLong(9);
        row.sizeBytes = rs.wasNull() ? null : size;
        row.sha256 = rs.getString(10);
        row.metadata = metadata(rs.getString(11));
        row.failureCode = rs.getString(12);
        row.failureMessage = rs.getString(13);
        row.createdAt = instant(rs, 14);
        row.updatedAt = instant(rs, 15);
        row.version = rs.getLong(16);
        Array threads = rs.getArray(17);
        List<String> threadIds = threads == null ? List.of() : Arrays.asList((String[]) threads.getArray());
        return ArtifactMapper.toDomain(row, threadIds);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Map<String, String> metadata(String json) {
        try {
            return JSON.readValue(json, METADATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("artifact metadata is not a JSON object of strings", e);
        }
    }
}
