package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.NotFoundException;

/** No key with this ID in the space named. */
public final class ApiKeyNotFoundException extends NotFoundException {

    public ApiKeyNotFoundException(ApiKeyId id) {
        super("API key", id);
    }
}
