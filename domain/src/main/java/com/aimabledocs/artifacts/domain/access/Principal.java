package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import java.util.Objects;
import java.util.Set;

/** Who is calling: an authenticated API key, its space and scopes. */
public record Principal(ApiKeyId keyId, SpaceId spaceId, Set<Scope> scopes) implements Caller {

    public Principal {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(spaceId, "spaceId");
        scopes = Set.copyOf(scopes);
    }

    /**
     * Checks that this caller may act on {@code space} with {@code scope}. Another space is reported as
     * not found, so a key never learns which other spaces exist.
     */
    @Override
    public void authorize(SpaceId space, Scope scope) {
        if (!spaceId.equals(space)) {
            throw new NotFoundException("space", space);
        }
        if (!scopes.contains(scope)) {
            throw new ForbiddenException(scope);
        }
    }
}
