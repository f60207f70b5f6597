package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.IssueEventTokenUseCase;
import com.aimabledocs.artifacts.domain.access.EventToken;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.EventTokenStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/** Draws 256 random bits, stores the token's hash with its key, space and expiry, and returns the secret once. */
public final class IssueEventTokenService implements IssueEventTokenUseCase {

    private final EventTokenStore tokens;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration lifetime;

    public IssueEventTokenService(EventTokenStore tokens, UnitOfWork unitOfWork, Clock clock, SecureRandom random,
                                  Duration lifetime) {
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.random = Objects.requireNonNull(random, "random");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    @Override
    public EventToken.Issued issue(Principal principal, SpaceId spaceId) {
        EventToken.Issued issued = EventToken.issue(principal, spaceId, lifetime, clock.now(), random);
        unitOfWork.inTransaction(() -> tokens.add(issued.token()));
        return issued;
    }
}
