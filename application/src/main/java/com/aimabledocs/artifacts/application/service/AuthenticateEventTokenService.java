package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.AuthenticateEventTokenUseCase;
import com.aimabledocs.artifacts.domain.access.EventToken;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.UnauthenticatedException;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.port.EventTokenStore;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;

/** One look-up by the token's hash; every refusal looks the same, so a caller learns nothing from it. */
public final class AuthenticateEventTokenService implements AuthenticateEventTokenUseCase {

    private final EventTokenStore tokens;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public AuthenticateEventTokenService(EventTokenStore tokens, UnitOfWork unitOfWork, Clock clock) {
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(String presentedToken) {
        if (!EventToken.isWellFormed(presentedToken)) {
            throw new UnauthenticatedException();
        }
        return unitOfWork.read(() -> tokens.findActive(EventToken.hashOf(presentedToken)))
                .filter(token -> token.isValidAt(clock.now()))
                .map(EventToken::principal)
                .orElseThrow(UnauthenticatedException::new);
    }
}
