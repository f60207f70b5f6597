package com.aimabledocs.artifacts.adapters.rest.webhook;

import com.aimabledocs.artifacts.adapters.rest.auth.AdminOrSpaceKey;
import com.aimabledocs.artifacts.application.port.in.ListWebhookDeliveriesQuery;
import com.aimabledocs.artifacts.application.port.in.RetryWebhookDeliveryUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** An endpoint's delivery log (newest first, keyset-paginated like the artifact list) and retries on request. */
@Path("/v1/spaces/{space_id}/webhook-endpoints/{endpoint_id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {

    static final int DEFAULT_LIMIT = 25;

    private final ListWebhookDeliveriesQuery deliveries;
    private final RetryWebhookDeliveryUseCase retry;

    WebhookDeliveryResource(ListWebhookDeliveriesQuery deliveries, RetryWebhookDeliveryUseCase retry) {
        this.deliveries = deliveries;
        this.retry = retry;
    }

    @GET
    @AdminOrSpaceKey
    public WebhookDeliveryPageResponse list(@RestPath("space_id") String spaceId,
                                            @RestPath("endpoint_id") String endpointId,
                                            @RestQuery("status") String status,
                                            @RestQuery("cursor") String cursor,
                                            @RestQuery("limit") String limit,
                                            @Context ContainerRequestContext request) {
        SpaceId space = SpaceId.parse(spaceId);
        WebhookEndpointId endpoint = WebhookEndpointId.parse(endpointId);
        Caller caller = WebhookEndpointResource.callerFor(request, space);
        Optional<DeliveryStatus> filter = Optional.ofNullable(status).map(DeliveryStatus::fromWireName);
        int pageSize = parseLimit(limit);
        Optional<WebhookDeliveryId> after = Optional.ofNullable(cursor).map(c -> DeliveryCursor.decode(c, filter));
        var page = deliveries.list(caller, space, endpoint, filter, after, pageSize);
        return new WebhookDeliveryPageResponse(
                page.items().stream().map(e -> WebhookDeliveryResponse.of(e.delivery(), e.attempts())).toList(),
                page.next().isPresent(), page.next().map(last -> DeliveryCursor.encode(last, filter)).orElse(null));
    }

    @GET
    @Path("{delivery_id}")
    @AdminOrSpaceKey
    public WebhookDeliveryResponse get(@RestPath("space_id") String spaceId,
                                       @RestPath("endpoint_id") String endpointId,
                                       @RestPath("delivery_id") String deliveryId,
                                       @Context ContainerRequestContext request) {
        SpaceId space = SpaceId.parse(spaceId);
        var entry = deliveries.get(WebhookEndpointResource.callerFor(request, space), space,
                WebhookEndpointId.parse(endpointId), WebhookDeliveryId.parse(deliveryId));
        return WebhookDeliveryResponse.of(entry.delivery(), entry.attempts());
    }

    /** 202: due again at once, the same event and {@code webhook-id}; answered with its log entry. */
    @POST
    @Path("{delivery_id}/retry")
    @AdminOrSpaceKey
    public Response retry(@RestPath("space_id") String spaceId,
                          @RestPath("endpoint_id") String endpointId,
                          @RestPath("delivery_id") String deliveryId,
                          @Context ContainerRequestContext request) {
        SpaceId space = SpaceId.parse(spaceId);
        WebhookEndpointId endpoint = WebhookEndpointId.parse(endpointId);
        WebhookDeliveryId id = WebhookDeliveryId.parse(deliveryId);
        Caller caller = WebhookEndpointResource.callerFor(request, space);
        retry.retry(caller, space, endpoint, id);
        var entry = deliveries.get(caller, space, endpoint, id);
        return Response.accepted(WebhookDeliveryResponse.of(entry.delivery(), entry.attempts()))
                .location(URI.create(WebhookEndpointResource.path(space, endpoint) + "/deliveries/" + id))
                .build();
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("limit", "limit must be an integer between 1 and 100");
        }
    }
}
