package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.space.SpaceId;

/**
 * Whoever calls an operation that both an admin and an API key with the right scope may use (managing webhook
 * endpoints): an admin may act on any space, a key on its own with the scope.
 */
public sealed interface Caller permits AdminPrincipal, Principal {

    /**
     * @throws com.aimabledocs.artifacts.domain.shared.NotFoundException for a key and another space
     * @throws ForbiddenException for a key without the scope
     */
    void authorize(SpaceId space, Scope scope);
}
