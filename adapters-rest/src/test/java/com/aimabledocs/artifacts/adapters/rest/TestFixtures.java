package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sets up what the API cannot create by itself (spaces, keys with chosen scopes, artifacts in a given
 * state, thousands of rows) through the application's own port beans, each call in its own transaction.
 */
@ApplicationScoped
public class TestFixtures {

    /** A space and a key for it. */
    public record SpaceKey(String spaceId, String apiKey) {
    }

    private final SpaceRepository spaces;
    private final ApiKeyRepository keys;
    private final ArtifactRepository artifacts;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final ObjectStore objects;

    TestFixtures(SpaceRepository spaces, ApiKeyRepository keys, ArtifactRepository artifacts, UnitOfWork unitOfWork,
                 IdGenerator ids, Clock clock, ObjectStore objects) {
        this.objects = objects;
        this.spaces = spaces;
        this.keys = keys;
        this.artifacts = artifacts;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new space of its own, with a key holding {@code scopes}. */
    public SpaceKey newSpace(Scope... scopes) {
        SpaceId space = SpaceId.of(ids.newId());
        unitOfWork.inTransaction(() -> spaces.add(new Space(space, "rest test space", clock.now())));
        return new SpaceKey(space.toString(), newKey(space.toString(), scopes));
    }

    /** The space {@code spaceId} (created unless it exists) with a new key holding {@code scopes}. */
    public SpaceKey space(String spaceId, Scope... scopes) {
        SpaceId space = SpaceId.parse(spaceId);
        unitOfWork.inTransaction(() -> {
            if (spaces.findById(space).isEmpty()) {
                spaces.add(new Space(space, "rest test space", clock.now()));
            }
        });
        return new SpaceKey(spaceId, newKey(spaceId, scopes));
    }

    /** A new key on an existing space. */
    public String newKey(String spaceId, Scope... scopes) {
        return addKey(spaceId, Optional.empty(), scopes);
    }

    /** A key that was revoked: it must authenticate no more than an unknown one. */
    public String revokedKey(String spaceId) {
        return addKey(spaceId, Optional.of(clock.now()), Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
    }

    private String addKey(String spaceId, Optional<Instant> revokedAt, Scope... scopes) {
        String secret = "ak_test_" + UUID.randomUUID().toString().replace("-", "");
        ApiKey issued = ApiKey.issue(ApiKeyId.of(ids.newId()), SpaceId.parse(spaceId), ApiKeySecret.of(secret),
                EnumSet.copyOf(Set.of(scopes)), clock.now());
        ApiKey key = new ApiKey(issued.id(), issued.spaceId(), issued.prefix(), issued.secretHash(), issued.scopes(),
                issued.createdAt(), revokedAt);
        unitOfWork.inTransaction(() -> keys.add(key));
        return secret;
    }

    /** An artifact as a generate request leaves it (pending), without a job or a message to a worker. */
    public Artifact pendingArtifact(String spaceId, String name, DocumentType type, List<String> threads,
                                    Instant createdAt) {
        return Artifact.request(ArtifactId.of(UUID.randomUUID()), SpaceId.parse(spaceId), new ArtifactName(name), type,
                threads.stream().map(ThreadId::new).toList(), null, ArtifactMetadata.EMPTY, createdAt);
    }

    public Artifact addPending(String spaceId, String name) {
        Artifact artifact = pendingArtifact(spaceId, name, DocumentType.DOCUMENT, List.of(), clock.now());
        add(List.of(artifact));
        return artifact;
    }

    public Artifact addFailed(String spaceId, String name) {
        Instant now = clock.now();
        Artifact artifact = pendingArtifact(spaceId, name, DocumentType.DOCUMENT, List.of(), now)
                .markFailed(new FailureReason("content_missing", "the staged content vanished"), now);
        add(List.of(artifact));
        return artifact;
    }

    /** A ready artifact whose bytes are in storage, as the worker leaves it: downloadable, with an ETag. */
    public Artifact addReady(String spaceId, String name, byte[] bytes) {
        Instant now = clock.now();
        Artifact pending = pendingArtifact(spaceId, name, DocumentType.TEXT, List.of(), now);
        objects.put(ObjectKey.contentOf(pending.spaceId(), pending.id()), new ByteArrayInputStream(bytes), bytes.length,
                new MediaType("text/plain"));
        Artifact ready = pending.startProcessing(now).markReady(new StoredContent(bytes.length, sha256(bytes),
                new MediaType("text/plain")), now);
        add(List.of(ready));
        return ready;
    }

    private static Sha256 sha256(byte[] bytes) {
        try {
            return Sha256.ofDigest(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the artifacts in one transaction. */
    public void add(List<Artifact> batch) {
        unitOfWork.inTransaction(() -> batch.forEach(artifacts::add));
    }

    public Artifact find(String spaceId, String artifactId) {
        return unitOfWork.inTransaction(() -> artifacts.findById(SpaceId.parse(spaceId), ArtifactId.parse(artifactId)))
                .orElseThrow();
    }

    public Instant now() {
        return clock.now();
    }
}
