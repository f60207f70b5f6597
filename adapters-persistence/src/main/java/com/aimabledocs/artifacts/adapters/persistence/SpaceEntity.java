package com.aimabledocs.artifacts.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "spaces")
class SpaceEntity {

    @Id
    UUID id;

    @Column(nullable = false)
    String name;

    @Column(name = "media_type_policy", nullable = false)
    public String mediaTypePolicy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
