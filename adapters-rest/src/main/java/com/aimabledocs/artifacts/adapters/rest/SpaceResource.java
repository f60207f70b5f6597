package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
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
import jakarta.ws.rs.NotFoundException;
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
            AdminRequestReader.failIfAny(List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
            throw invalid;
        }
        return Response.created(URI.create("/v1/spaces/" + space.id())).entity(SpaceResponse.of(space)).build();
    }

    @GET
    @Path("{space_id}")
    public SpaceResponse get(@RestPath("space_id") String spaceId, @Context ContainerRequestContext request) {
        SpaceId id = SpaceId.parse(spaceId);
        Object caller = ApiKeyFilter.callerOf(request);
        Space space = caller instanceof Principal principal ? getSpace.get(principal, id)
                : getSpace.get(ApiKeyFilter.adminOf(request), id);
        return SpaceResponse.of(space);
    }

    /**
     * Never serves anything: it keeps {@code 405} answers right on the deeper routes. When the class that
     * owns {@code /v1/spaces/{id}/artifacts…} or {@code …/api-keys…} lacks the request's method, RESTEasy
     * Reactive tries the next class whose path matches, which is this one; without a route of its own on
     * that path it would end in 404. With this one it answers 405 for another method, and 404 here.
     */
    @GET
    @Path("{space_id}/{collection: artifacts|api-keys}{rest: (/.*)?}")
    public Response deeperRoutes() {
        throw new NotFoundException();
    }
}
