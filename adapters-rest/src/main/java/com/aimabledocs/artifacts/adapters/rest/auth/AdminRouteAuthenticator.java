package com.aimabledocs.artifacts.adapters.rest.auth;

import com.aimabledocs.artifacts.application.port.in.AuthenticateAdminUseCase;
import com.aimabledocs.artifacts.application.port.in.AuthenticateApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import java.util.Optional;

/**
 * Decides who may call an administration route ({@link AdminOnly}, {@link AdminOrSpaceKey}). The admin
 * credential may call all of them. An API key is still authenticated (unknown, revoked or missing: 401), then:
 * on an {@link AdminOrSpaceKey} route ({@code GET /v1/spaces/{id}}) it goes on to the resource, which shows its
 * own space and answers 404 for any other; on every other admin route a key of another space gets 404 (as on
 * the artifact routes, it never learns that the space exists) and a key of that space, or any key on
 * {@code POST /v1/spaces}, gets 403: it is known, but keys do not manage keys. With no admin credential
 * configured, the admin secret is just an unknown key.
 */
final class AdminRouteAuthenticator {

    private final AuthenticateAdminUseCase admins;
    private final AuthenticateApiKeyUseCase keys;

    AdminRouteAuthenticator(AuthenticateAdminUseCase admins, AuthenticateApiKeyUseCase keys) {
        this.admins = admins;
        this.keys = keys;
    }

    /**
     * @param spaceKeyAllowed whether the route is {@link AdminOrSpaceKey}
     * @param spaceId         the route's {@code space_id} path parameter as sent (not yet validated), if it has one
     * @return an {@link AdminPrincipal}, or a {@link Principal} on an {@link AdminOrSpaceKey} route
     */
    Object authenticate(boolean spaceKeyAllowed, Optional<String> spaceId, String presentedKey) {
        var admin = admins.authenticate(presentedKey);
        if (admin.isPresent()) {
            return admin.get();
        }
        Principal principal = keys.authenticate(presentedKey);
        if (spaceKeyAllowed) {
            return principal;
        }
        if (spaceId.isPresent() && isAnotherSpace(principal, spaceId.get())) {
            throw new SpaceNotFoundException(SpaceId.parse(spaceId.get()));
        }
        throw ForbiddenException.adminOnly();
    }

    private static boolean isAnotherSpace(Principal principal, String spaceId) {
        try {
            return !principal.spaceId().equals(SpaceId.parse(spaceId));
        } catch (InvalidValueException malformed) {
            return false;
        }
    }

    /** Narrows a caller to the admin principal; the filter lets nothing else reach an admin-only resource. */
    static AdminPrincipal requireAdmin(Object caller) {
        if (caller instanceof AdminPrincipal admin) {
            return admin;
        }
        throw ForbiddenException.adminOnly();
    }
}
