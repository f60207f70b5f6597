package com.aimabledocs.artifacts.adapters.rest.events;

import com.aimabledocs.artifacts.adapters.rest.ApiConfig;
import com.aimabledocs.artifacts.application.port.in.AuthenticateEventTokenUseCase;
import com.aimabledocs.artifacts.application.port.in.IssueEventTokenUseCase;
import com.aimabledocs.artifacts.application.port.in.PurgeEventJournalUseCase;
import com.aimabledocs.artifacts.application.port.in.ReadSpaceEventsQuery;
import com.aimabledocs.artifacts.application.port.in.TailEventsQuery;
import com.aimabledocs.artifacts.application.service.AuthenticateEventTokenService;
import com.aimabledocs.artifacts.application.service.IssueEventTokenService;
import com.aimabledocs.artifacts.application.service.PurgeEventJournalService;
import com.aimabledocs.artifacts.application.service.ReadSpaceEventsService;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.EventJournal;
import com.aimabledocs.artifacts.domain.port.EventTokenStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.security.SecureRandom;

/** The use cases of the event stream, built from the ports the adapters provide. */
@ApplicationScoped
public class EventWiring {

    @Produces
    @ApplicationScoped
    IssueEventTokenUseCase issueEventToken(EventTokenStore tokens, UnitOfWork unitOfWork, Clock clock,
                                           ApiConfig config) {
        return new IssueEventTokenService(tokens, unitOfWork, clock, new SecureRandom(),
                config.events().tokenLifetime());
    }

    @Produces
    @ApplicationScoped
    AuthenticateEventTokenUseCase authenticateEventToken(EventTokenStore tokens, UnitOfWork unitOfWork, Clock clock) {
        return new AuthenticateEventTokenService(tokens, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    ReadSpaceEventsQuery readSpaceEvents(EventJournal journal, UnitOfWork unitOfWork) {
        return new ReadSpaceEventsService(journal, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    TailEventsQuery tailEvents(EventJournal journal, UnitOfWork unitOfWork) {
        return new ReadSpaceEventsService(journal, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    PurgeEventJournalUseCase purgeEventJournal(EventJournal journal, EventTokenStore tokens, UnitOfWork unitOfWork,
                                               Clock clock, ApiConfig config) {
        return new PurgeEventJournalService(journal, tokens, unitOfWork, clock, config.events().retention());
    }
}
