package com.aimabledocs.artifacts.adapters.rest.webhook;

import com.aimabledocs.artifacts.adapters.rest.auth.AdminOrSpaceKey;
import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.application.port.in.ChangeWebhookEndpointUseCase;
import com.aimabledocs.artifacts.application.port.in.DeleteWebhookEndpointUseCase;
import com.aimabledocs.artifacts.application.port.in.GetWebhookEndpointQuery;
import com.aimabledocs.artifacts.application.port.in.ListWebhookEndpointsQuery;
import com.aimabledocs.artifacts.application.port.in.RegisterWebhookEndpointUseCase;
import com.aimabledocs.artifacts.application.port.in.RotateWebhookSecretUseCase;
import com.aimabledocs.artifacts.application.port.in.SendTestWebhookUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.Clock;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
 * A space's webhook endpoints: register (the secret is shown once), list, read, change, delete, rotate the
 * secret and queue a test event. The admin credential or a key of the space with {@code webhooks:manage}; the
 * caller is authorized before the body is read, so a key of another space learns nothing from it.
 */
@Path("/v1/spaces/{space_id}/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final RegisterWebhookEndpointUseCase register;
    private final ListWebhookEndpointsQuery list;
    private final GetWebhookEndpointQuery get;
    private final ChangeWebhookEndpointUseCase change;
    private final DeleteWebhookEndpointUseCase delete;
    private final RotateWebhookSecretUseCase rotate;
    private final SendTestWebhookUseCase sendTest;
    private final Clock clock;
    private final WebhookRequestReader reader;

    WebhookEndpointResource(RegisterWebhookEndpointUseCase register, ListWebhookEndpointsQuery list,
                            GetWebhookEndpointQuery get, ChangeWebhookEndpointUseCase change,
                            DeleteWebhookEndpointUseCase delete, RotateWebhookSecretUseCase rotate,
                            SendTestWebhookUseCase sendTest, Clock clock, ObjectMapper json) {
        this.register = register;
        this.list = list;
        this.get = get;
        this.change = change;
        this.delete = delete;
        this.rotate = rotate;
        this.sendTest = sendTest;
        this.clock = clock;
        this.reader = new WebhookRequestReader(json);
    }

    /** The caller of a webhook route, checked against the space before anything else is read. */
    static Caller callerFor(ContainerRequestContext request, SpaceId space) {
        Caller caller = (Caller) ApiKeyFilter.callerOf(request);
        caller.authorize(space, Scope.WEBHOOKS_MANAGE);
        return caller;
    }

    static String path(SpaceId space, Object endpointId) {
        return "/v1/spaces/" + space + "/webhook-endpoints/" + endpointId;
    }

    /** 201 with the secret, which is not shown again: {@code Cache-Control: no-store}. */
    @POST
    @AdminOrSpaceKey
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@RestPath("space_id") String spaceId,
                             @Context ContainerRequestContext request, InputStream body) {
        SpaceId space = SpaceId.parse(spaceId);
        Caller caller = callerFor(request, space);
        WebhookRequestReader.NewEndpoint fields = reader.readNewEndpoint(body);
        var registered = register.register(caller, new RegisterWebhookEndpointUseCase.Command(space, fields.url(),
                fields.eventTypes(), fields.description()));
        return noStore(Response.created(URI.create(path(space, registered.endpoint().id())))
                .entity(WebhookEndpointWithSecretResponse.of(registered.endpoint(), registered.secret(), clock.now())));
    }

    @GET
    @AdminOrSpaceKey
    public WebhookEndpointListResponse list(@RestPath("space_id") String spaceId,
                                            @Context ContainerRequestContext request) {
        SpaceId space = SpaceId.parse(spaceId);
        var now = clock.now();
        return new WebhookEndpointListResponse(list.list(callerFor(request, space), space).stream()
                .map(e -> WebhookEndpointResponse.of(e, now)).toList());
    }

    @GET
    @Path("{endpoint_id}")
    @AdminOrSpaceKey
    public WebhookEndpointResponse get(@RestPath("space_id") String spaceId,
                                       @RestPath("endpoint_id") String endpointId,
                                       @Context ContainerRequestContext request) {
        SpaceId space = SpaceId.parse(spaceId);
        Caller caller = callerFor(request, space);
        return WebhookEndpointResponse.of(get.get(caller, space, WebhookEndpointId.parse(endpointId)), clock.now());
    }

    /** A JSON merge patch: absent fields stay, {@code description: null} removes it. */
    @PATCH
    @Path("{endpoint_id}")
    @AdminOrSpaceKey
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
    public WebhookEndpointResponse change(@RestPath("space_id") String spaceId,
                                          @RestPath("endpoint_id") String endpointId,
                                          @Context ContainerRequestContext request, InputStream body) {
        SpaceId space = SpaceId.parse(spaceId);
        WebhookEndpointId id = WebhookEndpointId.parse(endpointId);
        Caller caller = callerFor(request, space);
        WebhookRequestReader.Changes fields = reader.readChanges(body);
        return WebhookEndpointResponse.of(change.change(caller, new ChangeWebhookEndpointUseCase.Command(space, id,
                fields.url(), fields.eventTypes(), fields.description(), fields.enabled())), clock.now());
    }

    @DELETE
    @Path("{endpoint_id}")
    @AdminOrSpaceKey
    @Produces(MediaType.WILDCARD) // 204 has no body: any Accept will do
    public Response delete(@RestPath("space_id") String spaceId,
                           @RestPath("endpoint_id") String endpointId,
                           @Context ContainerRequestContext request) {
        SpaceId space = SpaceId.parse(spaceId);
        delete.delete(callerFor(request, space), space, WebhookEndpointId.parse(endpointId));
        return Response.noContent().build();
    }

    @POST
    @Path("{endpoint_id}/rotate-secret")
    @AdminOrSpaceKey
    public Response rotateSecret(@RestPath("space_id") String spaceId,
                                 @RestPath("endpoint_id") String endpointId,
                                 @Context ContainerRequestContext request) {
        SpaceId space = SpaceId.parse(spaceId);
        var rotated = rotate.rotate(callerFor(request, space), space, WebhookEndpointId.parse(endpointId));
        return noStore(Response.ok(WebhookEndpointWithSecretResponse.of(rotated.endpoint(), rotated.secret(),
                clock.now())));
    }

    /** 202: the {@code webhook.test} delivery is queued; its log entry says how it went. */
    @POST
    @Path("{endpoint_id}/test")
    @AdminOrSpaceKey
    public Response sendTest(@RestPath("space_id") String spaceId,
                             @RestPath("endpoint_id") String endpointId,
                             @Context ContainerRequestContext request) {
        SpaceId space = SpaceId.parse(spaceId);
        WebhookEndpointId id = WebhookEndpointId.parse(endpointId);
        WebhookDelivery delivery = sendTest.sendTest(callerFor(request, space), space, id);
        return Response.accepted(WebhookDeliveryResponse.of(delivery, List.of()))
                .location(URI.create(path(space, id) + "/deliveries/" + delivery.id()))
                .build();
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
