package com.aimabledocs.artifacts.adapters.rest.auth;

import com.aimabledocs.artifacts.application.port.in.AuthenticateAdminUseCase;
import com.aimabledocs.artifacts.application.port.in.AuthenticateApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.Principal;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} call by its {@code X-API-Key} before anything else looks at the request,
 * so an unauthenticated caller learns nothing, not even whether its parameters were valid. The same header
 * carries an API key (artifact routes) or the admin credential (space and key administration routes, see
 * {@link AdminRoute} and {@link AdminRouteAuthenticator}). A successful key look-up may be remembered for
 * {@code artifacts.auth.cache-ttl} (ApiKeyLookupCache): a revocation holds at once on the replica that made it
 * and within that TTL on the others.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";
    private static final String PROPERTY = "artifacts.principal";
    private static final String CALLER = "artifacts.caller";

    private final AuthenticateApiKeyUseCase authenticate;
    private final AdminRouteAuthenticator adminRoutes;

    ApiKeyFilter(AuthenticateApiKeyUseCase authenticate, AuthenticateAdminUseCase authenticateAdmin) {
        this.authenticate = authenticate;
        this.adminRoutes = new AdminRouteAuthenticator(authenticateAdmin, authenticate);
    }

    @ServerRequestFilter(priority = 100)
    public void authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/v1/")) {
            Optional<AdminRoute> adminRoute = AdminRoute.match(request.getMethod(), path);
            if (adminRoute.isPresent()) {
                Object caller = adminRoutes.authenticate(adminRoute.get(), request.getHeaderString(HEADER));
                request.setProperty(CALLER, caller);
                if (caller instanceof Principal principal) {
                    request.setProperty(PROPERTY, principal);
                }
                return;
            }
            Principal principal = authenticate.authenticate(request.getHeaderString(HEADER));
            request.setProperty(PROPERTY, principal);
            request.setProperty(CALLER, principal);
        }
    }

    public static Principal principalOf(ContainerRequestContext request) {
        return (Principal) request.getProperty(PROPERTY);
    }

    /** The caller of an administration route: an {@link AdminPrincipal}, or a {@link Principal} on a space read. */
    public static Object callerOf(ContainerRequestContext request) {
        return request.getProperty(CALLER);
    }

    public static AdminPrincipal adminOf(ContainerRequestContext request) {
        return AdminRouteAuthenticator.requireAdmin(callerOf(request));
    }
}
