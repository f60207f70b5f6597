package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.port.in.HandBackJobsUseCase;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.port.in.RedriveStaleJobsUseCase;
import com.aimabledocs.artifacts.application.port.in.RenewJobLeasesUseCase;
import com.aimabledocs.artifacts.application.service.HeldJobs;
import com.aimabledocs.artifacts.application.service.LeaseTerms;
import com.aimabledocs.artifacts.application.service.AcceptExternalGenerationRequestService;
import com.aimabledocs.artifacts.application.service.HandBackHeldJobsService;
import com.aimabledocs.artifacts.application.service.ProcessGenerationRequestService;
import com.aimabledocs.artifacts.application.service.RedriveStaleJobsService;
import com.aimabledocs.artifacts.application.service.RenewJobLeasesService;
import com.aimabledocs.artifacts.application.service.RetryPolicy;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The worker's composition root. */
@ApplicationScoped
public class WorkerWiring {

    @Produces
    @Singleton
    HeldJobs heldJobs() {
        return new HeldJobs();
    }

    @Produces
    @Singleton
    LeaseTerms leaseTerms(WorkerConfig config) {
        return new LeaseTerms(config.instanceId().filter(id -> !id.isBlank()).orElseGet(WorkerWiring::newInstanceId),
                config.leaseDuration());
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy(WorkerConfig config) {
        return new RetryPolicy(config.retryBase(), config.retryCap(), () -> ThreadLocalRandom.current().nextDouble());
    }

    @Produces
    @ApplicationScoped
    ProcessGenerationRequestUseCase processGenerationRequest(ArtifactRepository artifacts, SpaceRepository spaces,
                                                             JobRepository jobs,
                                                             ObjectStore objects, MediaTypeDetector detector,
                                                             LifecycleEventPublisher events, UnitOfWork unitOfWork,
                                                             Clock clock, RetryPolicy retryPolicy, LeaseTerms lease,
                                                             HeldJobs held) {
        return new ProcessGenerationRequestService(artifacts, spaces, jobs, objects, detector, events, unitOfWork,
                clock, retryPolicy, lease, held);
    }

    @Produces
    @ApplicationScoped
    AcceptExternalGenerationRequestUseCase acceptExternalGenerationRequest(SpaceRepository spaces,
                                                                           ArtifactRepository artifacts,
                                                                           JobRepository jobs, ObjectStore objects,
                                                                           LifecycleEventPublisher events,
                                                                           UnitOfWork unitOfWork, Clock clock,
                                                                           WorkerConfig config) {
        return new AcceptExternalGenerationRequestService(spaces, artifacts, jobs, objects, events, unitOfWork, clock,
                config.externalJobMaxAttempts());
    }

    @Produces
    @ApplicationScoped
    RenewJobLeasesUseCase renewJobLeases(JobRepository jobs, UnitOfWork unitOfWork, Clock clock, LeaseTerms lease,
                                         HeldJobs held) {
        return new RenewJobLeasesService(jobs, unitOfWork, clock, lease, held);
    }

    @Produces
    @ApplicationScoped
    HandBackJobsUseCase handBackJobs(JobRepository jobs, GenerationRequestPublisher publisher,
                                     LifecycleEventPublisher events, UnitOfWork unitOfWork, Clock clock,
                                     LeaseTerms lease, HeldJobs held) {
        return new HandBackHeldJobsService(jobs, publisher, events, unitOfWork, clock, lease, held);
    }

    @Produces
    @ApplicationScoped
    RedriveStaleJobsUseCase redriveStaleJobs(ArtifactRepository artifacts, JobRepository jobs, ObjectStore objects,
                                             GenerationRequestPublisher publisher, LifecycleEventPublisher events,
                                             UnitOfWork unitOfWork, Clock clock, RetryPolicy retryPolicy,
                                             WorkerConfig config) {
        return new RedriveStaleJobsService(artifacts, jobs, objects, publisher, events, unitOfWork, clock, retryPolicy,
                config.queuedStaleAfter(), config.sweepBatchSize());
    }

    /** Host name (the pod name on Kubernetes) plus a random suffix: a restarted worker is a new one. */
    private static String newInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
