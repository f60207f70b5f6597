package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;

/** Reads one space: an admin reads any, an API key (whatever its scopes) only its own. */
public interface GetSpaceQuery {

    /** @throws com.aimabledocs.artifacts.domain.space.SpaceNotFoundException when there is no such space */
    Space get(AdminPrincipal admin, SpaceId spaceId);

    /**
     * @throws com.aimabledocs.artifacts.domain.space.SpaceNotFoundException for another space than the key's,
     *         exactly as for a space that does not exist
     */
    Space get(Principal principal, SpaceId spaceId);
}
