package com.aimabledocs.artifacts.domain.access;

import java.util.Objects;

/**
 * A caller that presented an admin credential: it may create spaces and issue, list and revoke the keys of
 * any space. The administration use cases take one as their first argument, so they cannot be called on
 * behalf of an API key by mistake.
 *
 * @param credential the first 8 hex characters of the matched credential's hash, to tell in logs which of
 *                   several configured credentials (during a rotation) was used; reveals nothing usable
 */
public record AdminPrincipal(String credential) implements Caller {

    public AdminPrincipal {
        Objects.requireNonNull(credential, "credential");
    }

    /** An admin may act on every space, with every scope. */
    @Override
    public void authorize(com.aimabledocs.artifacts.domain.space.SpaceId space, Scope scope) {
    }
}
