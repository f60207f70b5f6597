package com.aimabledocs.artifacts.adapters.rest.auth;

import com.aimabledocs.artifacts.application.port.in.AuthenticateAdminUseCase;
import com.aimabledocs.artifacts.application.port.in.AuthenticateApiKeyUseCase;
import com.aimabledocs.artifacts.application.port.in.AuthenticateEventTokenUseCase;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.Principal;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} call by its {@code X-API-Key} before anything else looks at the request,
 * so an unauthenticated caller learns nothing, not even whether its parameters were valid. It runs once the
 * route is matched (a method the route lacks is a 405 before authentication), and the matched resource method
 * says what the header must carry: an API key, unless the method or its class is marked {@link AdminOnly} (the
 * admin credential) or the method {@link AdminOrSpaceKey} (either); see {@link AdminRouteAuthenticator}. A method
 * marked {@link EventTokenAllowed} takes an event token in {@code ?token=} when no header is sent. A
 * successful key look-up may be remembered for {@code artifacts.auth.cache-ttl} (ApiKeyLookupCache): a
 * revocation holds at once on the replica that made it and within that TTL on the others.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";
    private static final String PROPERTY = "artifacts.principal";
    private static final String CALLER = "artifacts.caller";

    private final AuthenticateApiKeyUseCase authenticate;
    private final AuthenticateEventTokenUseCase authenticateToken;
    private final AdminRouteAuthenticator adminRoutes;

    ApiKeyFilter(AuthenticateApiKeyUseCase authenticate, AuthenticateAdminUseCase authenticateAdmin,
                 AuthenticateEventTokenUseCase authenticateToken) {
        this.authenticate = authenticate;
        this.authenticateToken = authenticateToken;
        this.adminRoutes = new AdminRouteAuthenticator(authenticateAdmin, authenticate);
    }

    @ServerRequestFilter(priority = 100)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        String presentedKey = request.getHeaderString(HEADER);
        Method method = resource.getResourceMethod();
        boolean spaceKeyAllowed = method.isAnnotationPresent(AdminOrSpaceKey.class);
        if (spaceKeyAllowed || method.isAnnotationPresent(AdminOnly.class)
                || resource.getResourceClass().isAnnotationPresent(AdminOnly.class)) {
            Optional<String> spaceId = Optional.ofNullable(request.getUriInfo().getPathParameters().getFirst("space_id"));
            Object caller = adminRoutes.authenticate(spaceKeyAllowed, spaceId, presentedKey);
            request.setProperty(CALLER, caller);
            if (caller instanceof Principal principal) {
                request.setProperty(PROPERTY, principal);
            }
            return;
        }
        String presentedToken = request.getUriInfo().getQueryParameters().getFirst(EventTokenAllowed.PARAMETER);
        Principal principal = presentedKey == null && presentedToken != null
                && method.isAnnotationPresent(EventTokenAllowed.class)
                ? authenticateToken.authenticate(presentedToken)
                : authenticate.authenticate(presentedKey);
        request.setProperty(PROPERTY, principal);
        request.setProperty(CALLER, principal);
    }

    /** The API key that called; null on an administration route called with the admin credential. */
    public static Principal principalOf(ContainerRequestContext request) {
        return (Principal) request.getProperty(PROPERTY);
    }

    /** The caller of an administration route: an {@link AdminPrincipal}, or a {@link Principal} on a space read. */
    public static Object callerOf(ContainerRequestContext request) {
        return request.getProperty(CALLER);
    }

    /** The admin who called an {@link AdminOnly} route. */
    public static AdminPrincipal adminOf(ContainerRequestContext request) {
        return AdminRouteAuthenticator.requireAdmin(callerOf(request));
    }
}
