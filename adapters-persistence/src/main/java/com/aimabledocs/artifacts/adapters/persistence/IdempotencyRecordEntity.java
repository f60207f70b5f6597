package com.aimabledocs.artifacts.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "idempotency_records")
class IdempotencyRecordEntity {

    @EmbeddedId
    Key key;

    @Column(name = "request_fingerprint", nullable = false, length = 64)
    String requestFingerprint;

    @Column(name = "artifact_id", nullable = false)
    UUID artifactId;

    @Column(name = "job_id", nullable = false)
    UUID jobId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Embeddable
    record Key(@Column(name = "api_key_id") UUID apiKeyId,
               @Column(name = "space_id") UUID spaceId,
               @Column(name = "route") String route,
               @Column(name = "idempotency_key") String idempotencyKey) implements Serializable {
    }
}
