package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.space.SpaceId;

/** One key of a space (never its secret, which is not kept): what the {@code Location} of an issued key names. */
public interface GetApiKeyQuery {

    /** @throws com.aimabledocs.artifacts.domain.access.ApiKeyNotFoundException when the space has no such key */
    ApiKey get(AdminPrincipal admin, SpaceId spaceId, ApiKeyId keyId);
}
