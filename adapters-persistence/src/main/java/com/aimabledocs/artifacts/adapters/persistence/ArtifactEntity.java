package com.aimabledocs.artifacts.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code artifacts}; thread links live in {@code artifact_threads}, written by the repository. */
@Entity
@Table(name = "artifacts")
class ArtifactEntity {

    @Id
    UUID id;

    @Column(name = "space_id", nullable = false)
    UUID spaceId;

    @Column(nullable = false)
    String name;

    @Column(name = "document_type", nullable = false)
    String documentType;

    @Column(nullable = false)
    String status;

    @Column(name = "declared_media_type")
    String declaredMediaType;

    @Column(name = "media_type")
    String mediaType;

    @Column(name = "detected_media_type")
    public String detectedMediaType;

    @Column(name = "size_bytes")
    Long sizeBytes;

    @Column(length = 64)
    String sha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, String> metadata;

    @Column(name = "failure_code")
    String failureCode;

    @Column(name = "failure_message")
    String failureMessage;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;
}
