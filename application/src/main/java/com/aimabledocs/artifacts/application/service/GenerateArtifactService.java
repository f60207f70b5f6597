package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ContentDigestMismatchException;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommand;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactUseCase;
import com.aimabledocs.artifacts.application.port.in.GenerationAccepted;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyReusedException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyTakenException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.job.JobNotFoundException;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import java.time.Instant;
import java.util.Optional;

/**
 * Stages the bytes in the object store first, then writes artifact, job, idempotency record and the
 * outgoing request in one transaction. If the transaction fails, the staged object is removed; if it
 * commits, a worker will find both the request and the bytes.
 */
public final class GenerateArtifactService implements GenerateArtifactUseCase {

    /** The route an Idempotency-Key is scoped to. */
    public static final String ROUTE = "generate-artifact";

    private final ArtifactRepository artifacts;
    private final JobRepository jobs;
    private final IdempotencyStore idempotency;
    private final ObjectStore objects;
    private final GenerationRequestPublisher publisher;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdGenerator ids;
    private final int maxAttempts;

    public GenerateArtifactService(ArtifactRepository artifacts, JobRepository jobs, IdempotencyStore idempotency,
                                   ObjectStore objects, GenerationRequestPublisher publisher, UnitOfWork unitOfWork,
                                   Clock clock, IdGenerator ids, int maxAttempts) {
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.objects = objects;
        this.publisher = publisher;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public GenerationAccepted generate(GenerateArtifactCommand command) {
        command.principal().authorize(command.spaceId(), Scope.ARTIFACTS_WRITE);
        Optional<IdempotencyKey> key = command.idempotency()
                .map(i -> new IdempotencyKey(command.principal().keyId(), command.spaceId(), ROUTE, i.key()));
        String fingerprint = command.idempotency().map(GenerateArtifactCommand.Idempotency::requestFingerprint).orElse("");
        if (key.isPresent()) {
            Optional<IdempotencyRecord> earlier = unitOfWork.inTransaction(() -> idempotency.find(key.get()));
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }

        ArtifactId artifactId = ArtifactId.of(ids.newId());
        JobId jobId = JobId.of(ids.newId());
        ObjectKey staged = ObjectKey.stagingFor(command.spaceId(), artifactId, jobId);
        stage(command, staged);
        try {
            return unitOfWork.inTransaction(() -> record(command, artifactId, jobId, staged, key, fingerprint));
        } catch (IdempotencyKeyTakenException raceLost) {
            objects.delete(staged);
            return unitOfWork.inTransaction(() -> idempotency.find(key.orElseThrow()))
                    .map(winner -> replay(winner, fingerprint))
                    .orElseThrow(() -> raceLost);
        } catch (RuntimeException e) {
            deleteQuietly(staged, e);
            throw e;
        }
    }

    private void stage(GenerateArtifactCommand command, ObjectKey staged) {
        MediaType contentType = command.mediaType().orElse(MediaType.OCTET_STREAM);
        DigestingInputStream digesting = new DigestingInputStream(command.content());
        objects.put(staged, digesting, command.contentLength(), contentType);
        Sha256 actual = digesting.sha256();
        if (digesting.count() != command.contentLength()
                || command.contentSha256().map(expected -> !expected.equals(actual)).orElse(false)) {
            deleteQuietly(staged, null);
            throw new ContentDigestMismatchException();
        }
    }

    private GenerationAccepted record(GenerateArtifactCommand command, ArtifactId artifactId, JobId jobId,
                                      ObjectKey staged, Optional<IdempotencyKey> key, String fingerprint) {
        Instant now = clock.now();
        Artifact artifact = Artifact.request(artifactId, command.spaceId(), command.name(), command.documentType(),
                command.threadIds(), command.mediaType().orElse(null), command.metadata(), now);
        Job job = Job.queue(jobId, artifactId, command.spaceId(), JobKind.GENERATE, maxAttempts, now);
        key.ifPresent(k -> idempotency.add(new IdempotencyRecord(k, fingerprint, artifactId, jobId, now)));
        artifacts.add(artifact);
        jobs.add(job);
        publisher.publish(new GenerationRequest(jobId, artifactId, command.spaceId(), staged,
                command.contentSha256(), now));
        return new GenerationAccepted(artifact, job, false);
    }

    private GenerationAccepted replay(IdempotencyRecord earlier, String fingerprint) {
        if (!earlier.matches(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return unitOfWork.inTransaction(() -> {
            Artifact artifact = artifacts.findById(earlier.key().spaceId(), earlier.artifactId())
                    .orElseThrow(() -> new ArtifactNotFoundException(earlier.artifactId()));
            Job job = jobs.findById(earlier.jobId()).orElseThrow(() -> new JobNotFoundException(earlier.jobId()));
            return new GenerationAccepted(artifact.asAccepted(), job.asQueued(), true);
        });
    }

    private void deleteQuietly(ObjectKey key, RuntimeException primary) {
        try {
            objects.delete(key);
        } catch (RuntimeException cleanupFailure) {
            if (primary != null) {
                primary.addSuppressed(cleanupFailure);
            }
        }
    }
}
