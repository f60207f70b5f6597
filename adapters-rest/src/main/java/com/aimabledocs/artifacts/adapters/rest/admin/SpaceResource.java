package com.aimabledocs.artifacts.adapters.rest.admin;

import com.aimabledocs.artifacts.adapters.rest.auth.AdminOnly;
import com.aimabledocs.artifacts.adapters.rest.auth.AdminOrSpaceKey;
import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.adapters.rest.http.JsonObjectBody;
import com.aimabledocs.artifacts.adapters.rest.http.Problem;
import com.aimabledocs.artifacts.application.port.in.CreateSpaceUseCase;
import com.aimabledocs.artifacts.application.port.in.GetSpaceQuery;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Spaces: created by an admin; read by an admin or by any key of that space. {@code Idempotency-Key} is not
 * honoured here (the reservation store is scoped to an API key and a space, neither of which exists yet); a
 * retried create makes a second space.
 */
@Path("/v1/spaces")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class SpaceResource {

    private final CreateSpaceUseCase createSpace;
    private final GetSpaceQuery getSpace;
    private final AdminRequestReader reader;

    SpaceResource(CreateSpaceUseCase createSpace, GetSpaceQuery getSpace, ObjectMapper json) {
        this.createSpace = createSpace;
        this.getSpace = getSpace;
        this.reader = new AdminRequestReader(json);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context ContainerRequestContext request, InputStream body) {
        AdminPrincipal admin = ApiKeyFilter.adminOf(request);
        AdminRequestReader.NewSpace fields = reader.readNewSpace(body);
        Space space;
        try {
            space = createSpace.create(admin, fields.name(), fields.mediaTypePolicy());
        } catch (InvalidValueException invalid) {
            JsonObjectBody.failIfAny(List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
            throw invalid;
        }
        return Response.created(URI.create("/v1/spaces/" + space.id())).entity(SpaceResponse.of(space)).build();
    }

    @GET
    @Path("{space_id}")
    @AdminOrSpaceKey
    public SpaceResponse get(@RestPath("space_id") String spaceId, @Context ContainerRequestContext request) {
        SpaceId id = SpaceId.parse(spaceId);
        Object caller = ApiKeyFilter.callerOf(request);
        Space space = caller instanceof Principal principal ? getSpace.get(principal, id)
                : getSpace.get(ApiKeyFilter.adminOf(request), id);
        return SpaceResponse.of(space);
    }
}
