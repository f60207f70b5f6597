package com.aimabledocs.artifacts.adapters.rest.events;

import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.application.port.in.IssueEventTokenUseCase;
import com.aimabledocs.artifacts.domain.access.EventToken;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestPath;

/** Issues a token for {@code EventSource}, which cannot send {@code X-API-Key}: read-only, one space, minutes. */
@Path("/v1/spaces/{space_id}/event-tokens")
public class EventTokenResource {

    private final IssueEventTokenUseCase issue;

    EventTokenResource(IssueEventTokenUseCase issue) {
        this.issue = issue;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@RestPath("space_id") String spaceId, @Context ContainerRequestContext request) {
        EventToken.Issued issued = issue.issue(ApiKeyFilter.principalOf(request), SpaceId.parse(spaceId));
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedEventToken(issued.secret(), issued.token().expiresAt()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The token, shown once. */
    public record IssuedEventToken(String token, @JsonProperty("expires_at") Instant expiresAt) {
    }
}
