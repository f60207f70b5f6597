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
import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyEntry;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyInUseException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyReusedException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservation;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyReservationLostException;
import com.aimabledocs.artifacts.domain.idempotency.ReservationOutcome;
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
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Accepts a generation request in three steps. With an Idempotency-Key, it first reserves the key, under the
 * request's {@link GenerateRequestFingerprint}, in a short transaction of its own, so a concurrent request with the same key learns at once that the key is
 * in use (or, once the first completed, gets the replay) instead of waiting for the upload. It then
 * stages the bytes in the object store, and finally writes artifact, job, outgoing request and the
 * completion of the reservation in one transaction. If anything fails after the reservation, the staged
 * object is removed and the key released, so a corrected request may use it again; if the last
 * transaction commits, a worker will find both the request and the bytes.
 */
public final class GenerateArtifactService implements GenerateArtifactUseCase {

    /** The route an Idempotency-Key is scoped to. */
    public static final String ROUTE = "generate-artifact";


    /** What a client with a key in use is told to wait: a normal request completes well within it. */
    static final int IN_USE_RETRY_AFTER_SECONDS = 1;

    private final ArtifactRepository artifacts;
    private final JobRepository jobs;
    private final IdempotencyStore idempotency;
    private final ObjectStore objects;
    private final GenerationRequestPublisher publisher;
    private final LifecycleEventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdGenerator ids;
    private final int maxAttempts;
    private final Duration reservationLifetime;
    private final MediaTypeGate mediaTypeGate;

    public GenerateArtifactService(ArtifactRepository artifacts, JobRepository jobs, IdempotencyStore idempotency,
                                   ObjectStore objects, GenerationRequestPublisher publisher,
                                   LifecycleEventPublisher events, UnitOfWork unitOfWork, Clock clock, IdGenerator ids,
                                   int maxAttempts, Duration reservationLifetime, MediaTypeGate mediaTypeGate) {
        this.mediaTypeGate = Objects.requireNonNull(mediaTypeGate, "mediaTypeGate");
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.objects = objects;
        this.publisher = publisher;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ids = ids;
        this.maxAttempts = maxAttempts;
        this.reservationLifetime = Objects.requireNonNull(reservationLifetime, "reservationLifetime");
        if (reservationLifetime.isNegative() || reservationLifetime.isZero()) {
            throw new IllegalArgumentException("the reservation lifetime must be positive");
        }
    }

    @Override
    public GenerationAccepted generate(GenerateArtifactCommand command) {
        command.principal().authorize(command.spaceId(), Scope.ARTIFACTS_WRITE);
        if (command.idempotency().isEmpty()) {
            return create(command, Optional.empty());
        }
        GenerateArtifactCommand.Idempotency requested = command.idempotency().get();
        IdempotencyKey key = new IdempotencyKey(command.principal().keyId(), command.spaceId(), ROUTE, requested.key());
        String fingerprint = GenerateRequestFingerprint.of(command, requested.contentSha256());
        IdempotencyReservation candidate = IdempotencyReservation.reserve(key, fingerprint, ids.newId(), clock.now(),
                reservationLifetime);
        ReservationOutcome outcome = unitOfWork.inTransaction(() -> idempotency.reserve(candidate));
        if (outcome instanceof ReservationOutcome.Existing existing) {
            return answerExisting(existing.entry(), fingerprint);
        }
        IdempotencyReservation reservation = ((ReservationOutcome.Reserved) outcome).reservation();
        try {
            return create(command, Optional.of(reservation));
        } catch (IdempotencyReservationLostException lost) {
            // Held too long: another request took the key over. Nothing of this one was committed.
            throw new IdempotencyKeyInUseException(IN_USE_RETRY_AFTER_SECONDS);
        } catch (RuntimeException failure) {
            releaseQuietly(reservation, failure);
            throw failure;
        }
    }

    private GenerationAccepted answerExisting(IdempotencyEntry entry, String fingerprint) {
        if (entry instanceof IdempotencyRecord completed) {
            return replay(completed, fingerprint);
        }
        // In flight, with this body or another: the first request may still fail and give the key up.
        throw new IdempotencyKeyInUseException(IN_USE_RETRY_AFTER_SECONDS);
    }

    /** Stages the bytes, then records everything in one transaction; removes the staged bytes on failure. */
    private GenerationAccepted create(GenerateArtifactCommand command, Optional<IdempotencyReservation> reservation) {
        ArtifactId artifactId = ArtifactId.of(ids.newId());
        JobId jobId = JobId.of(ids.newId());
        ObjectKey staged = ObjectKey.contentOf(command.spaceId(), artifactId);
        stage(command, staged);
        try {
            return unitOfWork.inTransaction(() -> record(command, artifactId, jobId, staged, reservation));
        } catch (RuntimeException e) {
            deleteQuietly(staged, e);
            throw e;
        }
    }

    private void stage(GenerateArtifactCommand command, ObjectKey staged) {
        MediaType contentType = command.mediaType().orElse(MediaType.OCTET_STREAM);
        InputStream admitted = mediaTypeGate.admit(command.spaceId(), command.mediaType(), command.name(),
                command.content());
        DigestingInputStream digesting = new DigestingInputStream(admitted);
        objects.put(staged, digesting, command.contentLength(), contentType);
        Sha256 actual = digesting.sha256();
        if (digesting.count() != command.contentLength()
                || command.contentSha256().map(expected -> !expected.equals(actual)).orElse(false)) {
            deleteQuietly(staged, null);
            throw new ContentDigestMismatchException();
        }
    }

    private GenerationAccepted record(GenerateArtifactCommand command, ArtifactId artifactId, JobId jobId,
                                      ObjectKey staged, Optional<IdempotencyReservation> reservation) {
        Instant now = clock.now();
        // First, so that a lost reservation fails the transaction before anything else is written.
        reservation.ifPresent(r -> idempotency.complete(r, artifactId, jobId));
        Artifact artifact = Artifact.request(artifactId, command.spaceId(), command.name(), command.documentType(),
                command.threadIds(), command.mediaType().orElse(null), command.metadata(), now);
        Job job = Job.queue(jobId, artifactId, command.spaceId(), JobKind.GENERATE, maxAttempts, command.contentSha256(), now);
        artifacts.add(artifact);
        events.publish(ArtifactStatusChanged.created(artifact));
        jobs.add(job);
        events.publish(JobStatusChanged.created(job));
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

    /**
     * Best effort: if the release fails too (database down), the reservation simply expires and the next
     * request with the key takes it over.
     */
    private void releaseQuietly(IdempotencyReservation reservation, RuntimeException primary) {
        try {
            unitOfWork.inTransaction(() -> idempotency.release(reservation));
        } catch (RuntimeException releaseFailure) {
            primary.addSuppressed(releaseFailure);
        }
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
