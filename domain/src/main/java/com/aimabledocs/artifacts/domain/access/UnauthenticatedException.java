package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** No key, an unknown key, or a revoked key: the three look the same to the caller on purpose. */
public final class UnauthenticatedException extends DomainException {

    public UnauthenticatedException() {
        super("unauthenticated", "a valid X-API-Key header is required");
    }
}
