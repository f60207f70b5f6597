package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.List;

/** Every key of a space, revoked ones included, newest first. A space holds few keys: no pagination. */
public interface ListApiKeysQuery {

    /** @throws com.aimabledocs.artifacts.domain.space.SpaceNotFoundException when there is no such space */
    List<ApiKey> list(AdminPrincipal admin, SpaceId spaceId);
}
