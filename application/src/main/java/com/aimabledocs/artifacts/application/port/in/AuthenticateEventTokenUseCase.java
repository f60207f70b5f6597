package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;

/**
 * Who is calling the event stream with a token: the read-only principal of its space, or
 * {@link com.aimabledocs.artifacts.domain.access.UnauthenticatedException} for a malformed, unknown, expired or
 * revoked token.
 */
public interface AuthenticateEventTokenUseCase {

    Principal authenticate(String presentedToken);
}
