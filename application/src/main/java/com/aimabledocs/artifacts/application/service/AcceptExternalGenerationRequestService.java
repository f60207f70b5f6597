package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.event.ArtifactStatusChanged;
import com.aimabledocs.artifacts.domain.event.JobStatusChanged;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The IDs of an external request's artifact and job are derived from its space and {@code request_id}
 * (name-based UUIDs), so "create if absent" needs no lookup table: a redelivery, or the same request
 * sent twice, lands on the same job. The content is staged exactly as the API stages it, so processing
 * then follows the one path every job takes.
 */
public final class AcceptExternalGenerationRequestService implements AcceptExternalGenerationRequestUseCase {

    private final SpaceRepository spaces;
    private final ArtifactRepository artifacts;
    private final JobRepository jobs;
    private final ObjectStore objects;
    private final LifecycleEventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final int maxAttempts;

    public AcceptExternalGenerationRequestService(SpaceRepository spaces, ArtifactRepository artifacts,
                                                  JobRepository jobs, ObjectStore objects,
                                                  LifecycleEventPublisher events, UnitOfWork unitOfWork, Clock clock,
                                                  int maxAttempts) {
        this.spaces = spaces;
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.objects = objects;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** The artifact an external request creates, the same for every delivery of that request. */
    public static ArtifactId artifactIdFor(SpaceId space, String requestId) {
        return ArtifactId.of(nameBased("artifact", space, requestId));
    }

    public static JobId jobIdFor(SpaceId space, String requestId) {
        return JobId.of(nameBased("job", space, requestId));
    }

    @Override
    public Accepted accept(ExternalGenerationRequest request) {
        ArtifactId artifactId = artifactIdFor(request.spaceId(), request.requestId());
        JobId jobId = jobIdFor(request.spaceId(), request.requestId());
        ObjectKey staged = ObjectKey.contentOf(request.spaceId(), artifactId);
        Optional<Job> existing = unitOfWork.inTransaction(() -> jobs.findById(jobId));
        if (existing.isPresent()) {
            return new Accepted(new GenerationRequest(jobId, artifactId, request.spaceId(), staged,
                    request.contentSha256(), request.requestedAt()), false);
        }
        if (unitOfWork.inTransaction(() -> spaces.findById(request.spaceId())).isEmpty()) {
            throw new SpaceNotFoundException(request.spaceId());
        }
        stage(request, staged);
        Instant now = clock.now();
        unitOfWork.inTransaction(() -> {
            Artifact artifact = Artifact.request(artifactId, request.spaceId(), request.name(), request.type(),
                    request.threadIds(), request.mediaType().orElse(null), request.metadata(), now);
            Job job = Job.queue(jobId, artifactId, request.spaceId(), JobKind.GENERATE, maxAttempts,
                    request.contentSha256(), now);
            artifacts.add(artifact);
            events.publish(ArtifactStatusChanged.created(artifact));
            jobs.add(job);
            events.publish(JobStatusChanged.created(job));
        });
        return new Accepted(new GenerationRequest(jobId, artifactId, request.spaceId(), staged,
                request.contentSha256(), now), true);
    }

    private void stage(ExternalGenerationRequest request, ObjectKey staged) {
        MediaType contentType = request.mediaType().orElse(MediaType.OCTET_STREAM);
        if (request.content() instanceof InlineContent inline) {
            objects.put(staged, new ByteArrayInputStream(inline.bytes()), inline.bytes().length, contentType);
            return;
        }
        ObjectKey source = ((ContentReference) request.content()).key();
        ObjectStore.ObjectContent referenced = objects.open(source)
                .orElseThrow(() -> new InvalidValueException("content_ref", "no object at " + source));
        try (referenced) {
            objects.put(staged, referenced.stream(), referenced.length(), contentType);
        }
    }

    private static UUID nameBased(String kind, SpaceId space, String requestId) {
        return UUID.nameUUIDFromBytes(("artifacts:external:" + kind + ":" + space + ":" + requestId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
