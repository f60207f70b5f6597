package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.application.port.in.AuthenticateAdminUseCase;
import com.aimabledocs.artifacts.application.port.in.AuthenticateApiKeyUseCase;
import com.aimabledocs.artifacts.application.port.in.BootstrapSpaceUseCase;
import com.aimabledocs.artifacts.application.port.in.CreateSpaceUseCase;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactUseCase;
import com.aimabledocs.artifacts.application.port.in.GetApiKeyQuery;
import com.aimabledocs.artifacts.application.port.in.GetArtifactQuery;
import com.aimabledocs.artifacts.application.port.in.GetSpaceQuery;
import com.aimabledocs.artifacts.application.port.in.IssueApiKeyUseCase;
import com.aimabledocs.artifacts.application.port.in.ListApiKeysQuery;
import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery;
import com.aimabledocs.artifacts.application.port.in.ListJobsQuery;
import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery;
import com.aimabledocs.artifacts.application.port.in.PurgeIdempotencyKeysUseCase;
import com.aimabledocs.artifacts.application.port.in.RevokeApiKeyUseCase;
import com.aimabledocs.artifacts.application.service.AuthenticateAdminService;
import com.aimabledocs.artifacts.application.service.ApiKeyLookupCache;
import com.aimabledocs.artifacts.application.service.AuthenticateApiKeyService;
import com.aimabledocs.artifacts.application.service.BootstrapSpaceService;
import com.aimabledocs.artifacts.application.service.CreateSpaceService;
import com.aimabledocs.artifacts.application.service.GenerateArtifactService;
import com.aimabledocs.artifacts.application.service.GetApiKeyService;
import com.aimabledocs.artifacts.application.service.GetArtifactService;
import com.aimabledocs.artifacts.application.service.GetSpaceService;
import com.aimabledocs.artifacts.application.service.IssueApiKeyService;
import com.aimabledocs.artifacts.application.service.ListApiKeysService;
import com.aimabledocs.artifacts.application.service.ListArtifactsService;
import com.aimabledocs.artifacts.application.service.ListJobsService;
import com.aimabledocs.artifacts.application.service.OpenDownloadService;
import com.aimabledocs.artifacts.application.service.PurgeIdempotencyKeysService;
import com.aimabledocs.artifacts.application.service.RevokeApiKeyService;
import com.aimabledocs.artifacts.domain.access.AdminCredentials;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.GenerationRequestPublisher;
import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import com.aimabledocs.artifacts.domain.port.JobRepository;
import com.aimabledocs.artifacts.domain.port.LifecycleEventPublisher;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import com.aimabledocs.artifacts.application.port.in.DeleteArtifactUseCase;
import com.aimabledocs.artifacts.application.port.in.PurgeDeletedArtifactsUseCase;
import com.aimabledocs.artifacts.application.service.DeleteArtifactService;
import com.aimabledocs.artifacts.application.service.MediaTypeGate;
import com.aimabledocs.artifacts.application.service.PurgeDeletedArtifactsService;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import org.jboss.logging.Logger;

/** The API service's composition root: framework-free services built from the adapters' port beans. */
@ApplicationScoped
public class UseCaseWiring {

    private static final Logger LOG = Logger.getLogger(UseCaseWiring.class);

    @Produces
    @ApplicationScoped
    GenerateArtifactUseCase generateArtifact(ArtifactRepository artifacts, JobRepository jobs,
                                             IdempotencyStore idempotency, ObjectStore objects,
                                             GenerationRequestPublisher publisher, LifecycleEventPublisher events,
                                             UnitOfWork unitOfWork, Clock clock, IdGenerator ids,
                                             SpaceRepository spaces, MediaTypeDetector detector, ApiConfig config) {
        return new GenerateArtifactService(artifacts, jobs, idempotency, objects, publisher, events, unitOfWork,
                clock, ids,
                config.jobs().maxAttempts(), config.idempotency().reservationLifetime(),
                new MediaTypeGate(spaces, detector, unitOfWork));
    }

    @Produces
    @ApplicationScoped
    DeleteArtifactUseCase deleteArtifact(ArtifactRepository artifacts, JobRepository jobs,
                                         LifecycleEventPublisher events, UnitOfWork unitOfWork, Clock clock) {
        return new DeleteArtifactService(artifacts, jobs, events, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    PurgeDeletedArtifactsUseCase purgeDeletedArtifacts(ArtifactRepository artifacts, ObjectStore objects,
                                                       UnitOfWork unitOfWork, Clock clock, ApiConfig config) {
        return new PurgeDeletedArtifactsService(artifacts, objects, unitOfWork, clock, config.deletion().grace());
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
    AuthenticateApiKeyUseCase authenticate(ApiKeyRepository keys, UnitOfWork unitOfWork, ApiKeyLookupCache cache) {
        return new AuthenticateApiKeyService(keys, unitOfWork, cache);
    }

    /** This process's memory of successful key look-ups ({@code artifacts.auth.cache-ttl}; 0 turns it off). */
    @Produces
    @ApplicationScoped
    ApiKeyLookupCache apiKeyLookupCache(ApiConfig config) {
        return new ApiKeyLookupCache(config.auth().cacheTtl());
    }

    @Produces
    @ApplicationScoped
    BootstrapSpaceUseCase bootstrapSpace(SpaceRepository spaces, ApiKeyRepository keys, UnitOfWork unitOfWork,
                                         Clock clock, IdGenerator ids) {
        return new BootstrapSpaceService(spaces, keys, unitOfWork, clock, ids);
    }

    /**
     * Read at start, so a malformed {@code ARTIFACTS_ADMIN_KEY_SHA256} stops the service instead of
     * surfacing on the first admin call.
     */
    @Produces
    @Singleton
    @Startup
    AdminCredentials adminCredentials(ApiConfig config) {
        AdminCredentials credentials = AdminCredentials.parse(config.admin().keySha256().orElse(""));
        if (credentials.isEnabled()) {
            LOG.infof("admin API enabled (%d admin credential hash(es) configured)", credentials.count());
        } else {
            LOG.info("admin API disabled: ARTIFACTS_ADMIN_KEY_SHA256 is empty");
        }
        return credentials;
    }

    @Produces
    @ApplicationScoped
    AuthenticateAdminUseCase authenticateAdmin(AdminCredentials credentials) {
        return new AuthenticateAdminService(credentials);
    }

    @Produces
    @ApplicationScoped
    CreateSpaceUseCase createSpace(SpaceRepository spaces, UnitOfWork unitOfWork, Clock clock, IdGenerator ids) {
        return new CreateSpaceService(spaces, unitOfWork, clock, ids);
    }

    @Produces
    @ApplicationScoped
    GetSpaceQuery getSpace(SpaceRepository spaces, UnitOfWork unitOfWork) {
        return new GetSpaceService(spaces, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    IssueApiKeyUseCase issueApiKey(SpaceRepository spaces, ApiKeyRepository keys, UnitOfWork unitOfWork, Clock clock,
                                   IdGenerator ids) {
        return new IssueApiKeyService(spaces, keys, unitOfWork, clock, ids, new SecureRandom());
    }

    @Produces
    @ApplicationScoped
    ListApiKeysQuery listApiKeys(SpaceRepository spaces, ApiKeyRepository keys, UnitOfWork unitOfWork) {
        return new ListApiKeysService(spaces, keys, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    GetApiKeyQuery getApiKey(ApiKeyRepository keys, UnitOfWork unitOfWork) {
        return new GetApiKeyService(keys, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    RevokeApiKeyUseCase revokeApiKey(ApiKeyRepository keys, UnitOfWork unitOfWork, Clock clock,
                                     ApiKeyLookupCache cache) {
        return new RevokeApiKeyService(keys, unitOfWork, clock, cache);
    }
}
