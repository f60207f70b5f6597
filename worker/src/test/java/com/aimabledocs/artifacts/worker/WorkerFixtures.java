package com.aimabledocs.artifacts.worker;

import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Arranges what the API (or a dead worker) leaves behind, directly through the ports: a space, a pending
 * artifact, its job in any state and the staged bytes. Shared by the worker's {@code @QuarkusTest}s.
 */
@ApplicationScoped
public class WorkerFixtures {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SpaceRepository spaces;
    private final ArtifactRepository artifacts;
    private final JobRepository jobs;
    private final ObjectStore objects;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    WorkerFixtures(SpaceRepository spaces, ArtifactRepository artifacts, JobRepository jobs, ObjectStore objects,
                   UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
        this.spaces = spaces;
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.objects = objects;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    record Staged(SpaceId space, ArtifactId artifact, JobId job, ObjectKey key, byte[] bytes) {
    }

    SpaceId newSpace() {
        SpaceId space = SpaceId.of(ids.newId());
        unitOfWork.inTransaction(() -> spaces.add(new Space(space, "worker test space", clock.now())));
        return space;
    }

    /** A pending artifact with a queued job (accepted at {@code acceptedAt}) and its staged bytes. */
    Staged stage(SpaceId space, String name, MediaType declared, byte[] bytes, Instant acceptedAt) {
        return stage(space, name, declared, bytes, acceptedAt, Optional.empty());
    }

    /** The same, with the digest the requester declared for the content kept on the job. */
    Staged stage(SpaceId space, String name, MediaType declared, byte[] bytes, Instant acceptedAt,
                 Optional<Sha256> declaredSha256) {
        ArtifactId artifactId = ArtifactId.of(ids.newId());
        JobId jobId = JobId.of(ids.newId());
        ObjectKey key = ObjectKey.contentOf(space, artifactId);
        objects.put(key, new ByteArrayInputStream(bytes), bytes.length,
                declared == null ? MediaType.OCTET_STREAM : declared);
        unitOfWork.inTransaction(() -> {
            artifacts.add(Artifact.request(artifactId, space, new ArtifactName(name), DocumentType.DOCUMENT,
                    List.of(), declared, ArtifactMetadata.EMPTY, acceptedAt));
            jobs.add(Job.queue(jobId, artifactId, space, JobKind.GENERATE, 3, declaredSha256, acceptedAt));
        });
        return new Staged(space, artifactId, jobId, key, bytes);
    }

    /** Moves the staged job on as a worker would have: {@code change} gets the stored job and returns the next. */
    void change(Staged staged, UnaryOperator<Job> change) {
        unitOfWork.inTransaction(() -> jobs.update(change.apply(job(staged.job()))));
    }

    /** Marks the artifact processing, as the claim of a worker that then died did. */
    void startProcessing(Staged staged, Instant at) {
        unitOfWork.inTransaction(() -> artifacts.update(artifact(staged).startProcessing(at)));
    }

    /** The generation request as other producers write it (schema version 1, snake_case). */
    String message(Staged staged, Optional<String> contentSha256) {
        return "{\"schema_version\":1,\"job_id\":\"%s\",\"artifact_id\":\"%s\",\"space_id\":\"%s\",\"staged_object_key\":\"%s\",%s\"requested_at\":\"%s\"}"
                .formatted(staged.job(), staged.artifact(), staged.space(), staged.key(),
                        contentSha256.map(hex -> "\"content_sha256\":\"" + hex + "\",").orElse(""), clock.now());
    }

    Job job(JobId id) {
        return unitOfWork.inTransaction(() -> jobs.findById(id)).orElseThrow();
    }

    Artifact artifact(Staged staged) {
        return findArtifact(staged.space(), staged.artifact()).orElseThrow();
    }

    Optional<Artifact> findArtifact(SpaceId space, ArtifactId id) {
        return unitOfWork.inTransaction(() -> artifacts.findById(space, id));
    }

    Job awaitFinished(JobId id) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> job(id), job -> job.status().isFinal());
    }

    boolean exists(ObjectKey key) {
        return objects.stat(key).isPresent();
    }

    Instant now() {
        return clock.now();
    }

    java.util.UUID newId() {
        return ids.newId();
    }
}
