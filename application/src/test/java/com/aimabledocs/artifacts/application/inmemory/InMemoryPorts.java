package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.application.service.GenerateArtifactService;
import com.aimabledocs.artifacts.application.service.MediaTypeGate;
import com.aimabledocs.artifacts.domain.artifact.ArtifactTestData;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import java.time.Duration;

/**
 * Every outgoing port in memory, wired to one unit of work: what a service test constructs its service
 * with. The clock starts an hour after the test data builders' default creation time.
 */
public final class InMemoryPorts {

    /** How long an idempotency reservation lasts in the services these ports build (the product's default). */
    public static final Duration RESERVATION_LIFETIME = Duration.ofMinutes(5);

    public final TestClock clock = TestClock.at(ArtifactTestData.DEFAULT_CREATED_AT.plus(Duration.ofHours(1)));
    public final SequentialIdGenerator ids = new SequentialIdGenerator();
    public final InMemoryArtifactRepository artifacts = new InMemoryArtifactRepository();
    public final InMemoryJobRepository jobs = new InMemoryJobRepository();
    public final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    public final InMemoryObjectStore objects = new InMemoryObjectStore();
    public final RecordingGenerationRequestPublisher publisher = new RecordingGenerationRequestPublisher();
    public final RecordingLifecycleEventPublisher events = new RecordingLifecycleEventPublisher();
    public final InMemorySpaceRepository spaces = new InMemorySpaceRepository();
    public final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();
    public final FixedMediaTypeDetector detector = new FixedMediaTypeDetector(MediaType.parse("application/pdf"));
    public final InMemoryUnitOfWork unitOfWork =
            new InMemoryUnitOfWork(artifacts, jobs, idempotency, publisher, events, spaces, apiKeys);

    public InMemoryPorts() {
        publisher.requireTransactionOf(unitOfWork);
        events.requireTransactionOf(unitOfWork);
    }

    /** The generate use case on these ports, with the space's media-type policy applied as in the product. */
    public GenerateArtifactService generateArtifactService(int maxAttempts) {
        return generateArtifactService(maxAttempts, RESERVATION_LIFETIME);
    }

    public GenerateArtifactService generateArtifactService(int maxAttempts, Duration reservationLifetime) {
        return new GenerateArtifactService(artifacts, jobs, idempotency, objects, publisher, events, unitOfWork, clock,
                ids, maxAttempts, reservationLifetime, new MediaTypeGate(spaces, detector, unitOfWork));
    }
}
