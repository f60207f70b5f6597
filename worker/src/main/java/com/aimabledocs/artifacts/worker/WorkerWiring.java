package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.service.ProcessGenerationRequestService;
import com.aimabledocs.artifacts.application.service.RetryPolicy;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.ThreadLocalRandom;

/** The worker's composition root. */
@ApplicationScoped
public class WorkerWiring {

    @Produces
    @ApplicationScoped
    ProcessGenerationRequestUseCase processGenerationRequest(ArtifactRepository artifacts, JobRepository jobs,
                                                             ObjectStore objects, MediaTypeDetector detector,
                                                             UnitOfWork unitOfWork, Clock clock, WorkerConfig config) {
        RetryPolicy retryPolicy = new RetryPolicy(config.retryBase(), config.retryCap(),
                () -> ThreadLocalRandom.current().nextDouble());
        return new ProcessGenerationRequestService(artifacts, jobs, objects, detector, unitOfWork, clock, retryPolicy);
    }
}
