package com.aimabledocs.artifacts.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "api_keys")
class ApiKeyEntity {

    @Id
    UUID id;

    @Column(name = "space_id", nullable = false)
    UUID spaceId;

    /** An optional label; null when the key has none. */
    String name;

    @Column(nullable = false)
    String prefix;

    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    String secretHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    String[] scopes;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "revoked_at")
    Instant revokedAt;
}
