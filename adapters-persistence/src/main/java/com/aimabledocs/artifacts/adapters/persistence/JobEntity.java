package com.aimabledocs.artifacts.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "jobs")
class JobEntity {

    @Id
    UUID id;

    @Column(name = "artifact_id", nullable = false)
    UUID artifactId;

    @Column(name = "space_id", nullable = false)
    UUID spaceId;

    @Column(nullable = false)
    String kind;

    @Column(nullable = false)
    String status;

    @Column(nullable = false)
    int attempt;

    @Column(name = "max_attempts", nullable = false)
    int maxAttempts;

    @Column(name = "next_retry_at")
    Instant nextRetryAt;

    @Column(name = "content_sha256", updatable = false)
    String contentSha256;

    @Column(name = "lease_owner")
    String leaseOwner;

    @Column(name = "lease_expires_at")
    Instant leaseExpiresAt;

    @Column(name = "error_code")
    String errorCode;

    @Column(name = "error_message")
    String errorMessage;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;
}
