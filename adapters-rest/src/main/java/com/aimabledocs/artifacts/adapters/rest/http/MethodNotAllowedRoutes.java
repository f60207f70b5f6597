package com.aimabledocs.artifacts.adapters.rest.http;

import com.aimabledocs.artifacts.adapters.rest.auth.AdminOnly;
import com.aimabledocs.artifacts.adapters.rest.auth.AdminOrSpaceKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Never serves anything: it keeps {@code 405} answers right on the routes below {@code /v1/spaces/{id}}. When
 * the classes that own {@code /v1/spaces/{id}/artifacts…} or {@code …/api-keys…} lack the request's method,
 * RESTEasy Reactive tries the next class path that matches, {@code /v1/spaces} (which it shares with
 * SpaceResource); without a route of its own on that path it would end in 404. With these it answers 405 for
 * another method, and 404 for a GET of a path no resource has, after authenticating it like its neighbours:
 * an API key below {@code artifacts}, the admin credential below {@code api-keys}, either below
 * {@code webhook-endpoints}.
 */
@Path("/v1/spaces")
@Produces(MediaType.APPLICATION_JSON)
public class MethodNotAllowedRoutes {

    @GET
    @Path("{space_id}/{collection: artifacts}{rest: (/.*)?}")
    public Response belowArtifacts() {
        throw new NotFoundException();
    }

    @GET
    @AdminOnly
    @Path("{space_id}/{collection: api-keys}{rest: (/.*)?}")
    public Response belowApiKeys() {
        throw new NotFoundException();
    }

    @GET
    @AdminOrSpaceKey
    @Path("{space_id}/{collection: webhook-endpoints}{rest: (/.*)?}")
    public Response belowWebhookEndpoints() {
        throw new NotFoundException();
    }
}
