package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** What the administration tests set up or inspect below the API: ready artifacts, raw api_keys rows. */
@ApplicationScoped
public class AdminFixtures {

    private final ArtifactRepository artifacts;
    private final ObjectStore objects;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final DataSource dataSource;

    AdminFixtures(ArtifactRepository artifacts, ObjectStore objects, UnitOfWork unitOfWork, Clock clock,
                  DataSource dataSource) {
        this.artifacts = artifacts;
        this.objects = objects;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** A ready artifact as a worker leaves it: its bytes under the final key in S3, its row ready. */
    public Artifact addReady(String spaceId, String name, byte[] bytes) {
        SpaceId space = SpaceId.parse(spaceId);
        ArtifactId id = ArtifactId.of(UUID.randomUUID());
        MediaType type = MediaType.parse("text/plain");
        objects.put(ObjectKey.contentOf(space, id), new ByteArrayInputStream(bytes), bytes.length, type);
        var now = clock.now();
        Artifact ready = Artifact.request(id, space, new ArtifactName(name), DocumentType.TEXT, List.of(), null,
                        ArtifactMetadata.EMPTY, now)
                .startProcessing(now)
                .markReady(new StoredContent(bytes.length, Sha256.parse("sha256", ApiTestSupport.sha256Hex(bytes)), type),
                        now);
        unitOfWork.inTransaction(() -> artifacts.add(ready));
        return ready;
    }

    /** The {@code api_keys} row of a key, every column as text, straight from PostgreSQL. */
    public Map<String, String> apiKeyRow(String keyId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select * from api_keys where id = ?::uuid")) {
            select.setString(1, keyId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no api_keys row " + keyId);
                }
                ResultSetMetaData columns = rows.getMetaData();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnName(i), rows.getString(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
