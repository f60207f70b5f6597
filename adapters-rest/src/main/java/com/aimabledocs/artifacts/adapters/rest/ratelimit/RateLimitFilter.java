package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.adapters.rest.http.ApiProblemException;
import com.aimabledocs.artifacts.domain.access.Principal;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Rate limits per API key: every authenticated {@code /v1} call takes one token from its key's bucket (after
 * {@link ApiKeyFilter}, so an unauthenticated call costs nobody anything). Over the limit the call ends with
 * 429 {@code rate_limited} and {@code Retry-After}. Every answer to an authenticated call, success or error,
 * carries the {@code RateLimit-Policy} and {@code RateLimit} fields of draft-ietf-httpapi-ratelimit-headers.
 *
 * <p>If the buckets cannot be read (database unreachable, lock timeout), the call goes through unlimited and
 * without the two fields: the limiter must not add a way to fail. Authentication needs the database too, so
 * with the database down the caller already gets 503 {@code database_unavailable} before this filter runs.
 */
public class RateLimitFilter {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";
    private static final String PROPERTY = "artifacts.rate-limit";
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final boolean enabled;

    RateLimitFilter(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.enabled = config.enabled();
    }

    @ServerRequestFilter(priority = 200)
    public void consume(ContainerRequestContext request) {
        Principal principal = ApiKeyFilter.principalOf(request);
        if (!enabled || principal == null) {
            return;
        }
        RateLimiter.Decision decision;
        try {
            decision = limiter.tryConsume(principal.keyId().toString(), principal.spaceId().toString());
        } catch (RuntimeException e) {
            LOG.warnf("rate limit not checked for key %s, letting the request through: %s", principal.keyId(),
                    rootMessage(e));
            return;
        }
        request.setProperty(PROPERTY, decision);
        if (!decision.allowed()) {
            throw new ApiProblemException(429, "rate_limited", "too many requests for this API key; retry after "
                    + decision.retryAfterSeconds() + " s").withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof RateLimiter.Decision decision) {
            response.getHeaders().putSingle(POLICY_HEADER, decision.policyField());
            response.getHeaders().putSingle(HEADER, decision.rateLimitField());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
