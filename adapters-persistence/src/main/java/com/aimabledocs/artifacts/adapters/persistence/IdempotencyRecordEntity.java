package com.aimabledocs.artifacts.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code idempotency_records}: a reservation in flight, or the record of a completed request. */
@Entity
@Table(name = "idempotency_records")
class IdempotencyRecordEntity {

    static final String IN_FLIGHT = "in_flight";
    static final String COMPLETED = "completed";

    @EmbeddedId
    Key key;

    @Column(name = "request_fingerprint", nullable = false, length = 64)
    String requestFingerprint;

    @Column(name = "state", nullable = false)
    String state;

    /** Set once completed. */
    @Column(name = "artifact_id")
    UUID artifactId;

    /** Set once completed. */
    @Column(name = "job_id")
    UUID jobId;

    @Column(name = "reservation_token")
    UUID reservationToken;

    @Column(name = "reserved_until")
    Instant reservedUntil;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Embeddable
    record Key(@Column(name = "api_key_id") UUID apiKeyId,
               @Column(name = "space_id") UUID spaceId,
               @Column(name = "route") String route,
               @Column(name = "idempotency_key") String idempotencyKey) implements Serializable {
    }
}
