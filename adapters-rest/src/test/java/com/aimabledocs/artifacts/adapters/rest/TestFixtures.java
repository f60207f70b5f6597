package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.service.HeldJobs;
import com.aimabledocs.artifacts.application.service.LeaseTerms;
import com.aimabledocs.artifacts.application.service.ProcessGenerationRequestService;
import com.aimabledocs.artifacts.application.service.RetryPolicy;
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
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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
    private final JobRepository jobs;
    private final LifecycleEventPublisher events;

    TestFixtures(SpaceRepository spaces, ApiKeyRepository keys, ArtifactRepository artifacts, UnitOfWork unitOfWork,
                 IdGenerator ids, Clock clock, ObjectStore objects, JobRepository jobs, LifecycleEventPublisher events) {
        this.objects = objects;
        this.jobs = jobs;
        this.events = events;
        this.spaces = spaces;
        this.keys = keys;
        this.artifacts = artifacts;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new space of its own, with a key holding {@code scopes}. */
    public SpaceKey newSpace(Scope... scopes) {
        return newSpace(MediaTypePolicy.DEFAULT, scopes);
    }

    /** A new space with the given media type policy, and a key holding {@code scopes}. */
    public SpaceKey newSpace(MediaTypePolicy policy, Scope... scopes) {
        SpaceId space = SpaceId.of(ids.newId());
        unitOfWork.inTransaction(() -> spaces.add(new Space(space, "rest test space", policy, clock.now())));
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
        ApiKey key = new ApiKey(issued.id(), issued.spaceId(), Optional.empty(), issued.prefix(), issued.secretHash(),
                issued.scopes(), issued.createdAt(), revokedAt);
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

    /**
     * A ready artifact as the worker leaves it: {@code bytes} in the object store under the artifact's content key
     * (the real S3 of the test stack), the artifact {@code ready} with their size, SHA-256 and media type.
     */
    public Artifact addReady(String spaceId, String name, byte[] bytes) {
        return addReady(spaceId, name, bytes, "text/plain");
    }

    /** The same, with the media type the bytes are served as. */
    public Artifact addReady(String spaceId, String name, byte[] bytes, String mediaType) {
        Instant now = clock.now();
        Artifact pending = pendingArtifact(spaceId, name, DocumentType.DOCUMENT, List.of(), now);
        MediaType type = MediaType.parse(mediaType);
        objects.put(ObjectKey.contentOf(pending.spaceId(), pending.id()), new ByteArrayInputStream(bytes), bytes.length,
                type);
        Artifact ready = pending.startProcessing(now).markReady(new StoredContent(bytes.length, sha256(bytes), type), now);
        add(List.of(ready));
        return ready;
    }

    /**
     * Runs a generation job as the worker would, in this process: the worker's own use case on the real
     * database and S3 of the test stack (only media-type detection is left out: a job whose request declared
     * no media type gets application/octet-stream). The packaged worker is exercised by
     * {@link ReferenceWorkflowEndToEndTest}.
     */
    public ProcessGenerationRequestUseCase.Outcome runJob(String spaceId, String artifactId, String jobId) {
        var worker = new ProcessGenerationRequestService(artifacts, spaces, jobs, objects, (content, name) -> MediaType.OCTET_STREAM,
                events, unitOfWork, clock, new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.5),
                new LeaseTerms("api-test-worker", Duration.ofSeconds(30)), new HeldJobs());
        SpaceId space = SpaceId.parse(spaceId);
        ArtifactId artifact = ArtifactId.parse(artifactId);
        JobId job = JobId.parse(jobId);
        return worker.process(new GenerationRequest(job, artifact, space, ObjectKey.contentOf(space, artifact),
                Optional.empty(), clock.now()));
    }

    private static Sha256 sha256(byte[] bytes) {
        try {
            return Sha256.ofDigest(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves a changed artifact (optimistic lock: it must carry the version it was read with). */
    public void update(Artifact artifact) {
        unitOfWork.inTransaction(() -> artifacts.update(artifact));
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
