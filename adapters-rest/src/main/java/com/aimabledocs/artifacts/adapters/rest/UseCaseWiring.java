package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.application.port.in.AuthenticateApiKeyUseCase;
import com.aimabledocs.artifacts.application.port.in.BootstrapSpaceUseCase;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactUseCase;
import com.aimabledocs.artifacts.application.port.in.GetArtifactQuery;
import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery;
import com.aimabledocs.artifacts.application.port.in.ListJobsQuery;
import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery;
import com.aimabledocs.artifacts.application.port.in.PurgeIdempotencyKeysUseCase;
import com.aimabledocs.artifacts.application.service.AuthenticateApiKeyService;
import com.aimabledocs.artifacts.application.service.BootstrapSpaceService;
import com.aimabledocs.artifacts.application.service.GenerateArtifactService;
import com.aimabledocs.artifacts.application.service.GetArtifactService;
import com.aimabledocs.artifacts.application.service.ListArtifactsService;
import com.aimabledocs.artifacts.application.service.ListJobsService;
import com.aimabledocs.artifacts.application.service.OpenDownloadService;
import com.aimabledocs.artifacts.application.service.PurgeIdempotencyKeysService;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import com.aimabledocs.artifacts.application.port.in.DeleteArtifactUseCase;
import com.aimabledocs.artifacts.application.port.in.PurgeDeletedArtifactsUseCase;
import com.aimabledocs.artifacts.application.service.DeleteArtifactService;
import com.aimabledocs.artifacts.application.service.MediaTypeGate;
import com.aimabledocs.artifacts.application.service.PurgeDeletedArtifactsService;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;

/** The API service's composition root: framework-free services built from the adapters' port beans. */
@ApplicationScoped
public class UseCaseWiring {

    @Produces
    @ApplicationScoped
    GenerateArtifactUseCase generateArtifact(ArtifactRepository artifacts, JobRepository jobs,
                                             IdempotencyStore idempotency, ObjectStore objects,
                                             GenerationRequestPublisher publisher, UnitOfWork unitOfWork,
                                             Clock clock, IdGenerator ids, SpaceRepository spaces,
                                             MediaTypeDetector detector, ApiConfig config) {
        return new GenerateArtifactService(artifacts, jobs, idempotency, objects, publisher, unitOfWork, clock, ids,
                config.jobs().maxAttempts(), config.idempotency().reservationLifetime(),
                new MediaTypeGate(spaces, detector, unitOfWork));
    }

    @Produces
    @ApplicationScoped
    DeleteArtifactUseCase deleteArtifact(ArtifactRepository artifacts, JobRepository jobs, UnitOfWork unitOfWork,
                                         Clock clock) {
        return new DeleteArtifactService(artifacts, jobs, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    PurgeDeletedArtifactsUseCase purgeDeletedArtifacts(ArtifactRepository artifacts, JobRepository jobs,
                                                       ObjectStore objects, UnitOfWork unitOfWork, Clock clock,
                                                       ApiConfig config) {
        return new PurgeDeletedArtifactsService(artifacts, jobs, objects, unitOfWork, clock, config.deletion().grace());
    }

    @Produces
    @ApplicationScoped
    PurgeIdempotencyKeysUseCase purgeIdempotencyKeys(IdempotencyStore idempotency, UnitOfWork unitOfWork, Clock clock,
                                                     ApiConfig config) {
        return new PurgeIdempotencyKeysService(idempotency, unitOfWork, clock, config.idempotency().retention());
    }

    @Produces
    @ApplicationScoped
    GetArtifactQuery getArtifact(ArtifactRepository artifacts, UnitOfWork unitOfWork) {
        return new GetArtifactService(artifacts, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    ListArtifactsQuery listArtifacts(ArtifactRepository artifacts, UnitOfWork unitOfWork) {
        return new ListArtifactsService(artifacts, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    OpenDownloadQuery openDownload(ArtifactRepository artifacts, ObjectStore objects, UnitOfWork unitOfWork) {
        return new OpenDownloadService(artifacts, objects, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    ListJobsQuery listJobs(ArtifactRepository artifacts, JobRepository jobs, UnitOfWork unitOfWork) {
        return new ListJobsService(artifacts, jobs, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    AuthenticateApiKeyUseCase authenticate(ApiKeyRepository keys, UnitOfWork unitOfWork) {
        return new AuthenticateApiKeyService(keys, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    BootstrapSpaceUseCase bootstrapSpace(SpaceRepository spaces, ApiKeyRepository keys, UnitOfWork unitOfWork,
                                         Clock clock, IdGenerator ids) {
        return new BootstrapSpaceService(spaces, keys, unitOfWork, clock, ids);
    }
}
