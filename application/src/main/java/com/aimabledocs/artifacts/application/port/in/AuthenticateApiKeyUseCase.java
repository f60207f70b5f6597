package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Principal;

public interface AuthenticateApiKeyUseCase {

    /**
     * @param presentedKey the raw {@code X-API-Key} header, possibly null
     * @throws com.aimabledocs.artifacts.domain.access.UnauthenticatedException if missing, unknown or revoked
     */
    Principal authenticate(String presentedKey);
}
