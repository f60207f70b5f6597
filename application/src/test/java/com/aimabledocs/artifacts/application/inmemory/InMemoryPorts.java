package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.artifact.ArtifactTestData;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import java.time.Duration;

/**
 * Every outgoing port in memory, wired to one unit of work: what a service test constructs its service
 * with. The clock starts an hour after the test data builders' default creation time.
 */
public final class InMemoryPorts {

    public final TestClock clock = TestClock.at(ArtifactTestData.DEFAULT_CREATED_AT.plus(Duration.ofHours(1)));
    public final SequentialIdGenerator ids = new SequentialIdGenerator();
    public final InMemoryArtifactRepository artifacts = new InMemoryArtifactRepository();
    public final InMemoryJobRepository jobs = new InMemoryJobRepository();
    public final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    public final InMemoryObjectStore objects = new InMemoryObjectStore();
    public final RecordingGenerationRequestPublisher publisher = new RecordingGenerationRequestPublisher();
    public final InMemorySpaceRepository spaces = new InMemorySpaceRepository();
    public final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();
    public final FixedMediaTypeDetector detector = new FixedMediaTypeDetector(MediaType.parse("application/pdf"));
    public final InMemoryUnitOfWork unitOfWork =
            new InMemoryUnitOfWork(artifacts, jobs, idempotency, publisher, spaces, apiKeys);

    public InMemoryPorts() {
        publisher.requireTransactionOf(unitOfWork);
    }
}
