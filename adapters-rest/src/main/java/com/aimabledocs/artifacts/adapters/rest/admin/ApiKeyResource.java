package com.aimabledocs.artifacts.adapters.rest.admin;

import com.aimabledocs.artifacts.adapters.rest.auth.AdminOnly;
import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.application.port.in.GetApiKeyQuery;
import com.aimabledocs.artifacts.application.port.in.IssueApiKeyUseCase;
import com.aimabledocs.artifacts.application.port.in.ListApiKeysQuery;
import com.aimabledocs.artifacts.application.port.in.RevokeApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.RestPath;

/** A space's API keys, for admins: issue (the secret is shown once), list, read and revoke. */
@Path("/v1/spaces/{space_id}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class ApiKeyResource {

    private final IssueApiKeyUseCase issueKey;
    private final ListApiKeysQuery listKeys;
    private final GetApiKeyQuery getKey;
    private final RevokeApiKeyUseCase revokeKey;
    private final AdminRequestReader reader;

    ApiKeyResource(IssueApiKeyUseCase issueKey, ListApiKeysQuery listKeys, GetApiKeyQuery getKey,
                   RevokeApiKeyUseCase revokeKey, ObjectMapper json) {
        this.issueKey = issueKey;
        this.listKeys = listKeys;
        this.getKey = getKey;
        this.revokeKey = revokeKey;
        this.reader = new AdminRequestReader(json);
    }

    /** 201 with the secret, which is not kept: {@code Cache-Control: no-store} so no cache keeps it either. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@RestPath("space_id") String spaceId, @Context ContainerRequestContext request,
                          InputStream body) {
        AdminPrincipal admin = ApiKeyFilter.adminOf(request);
        SpaceId space = SpaceId.parse(spaceId);
        AdminRequestReader.NewApiKey fields = reader.readNewApiKey(body);
        var issued = issueKey.issue(admin, new IssueApiKeyUseCase.Command(space, fields.name(), fields.scopes()));
        return Response.created(URI.create("/v1/spaces/" + space + "/api-keys/" + issued.key().id()))
                .entity(IssuedApiKeyResponse.of(issued))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @GET
    public ApiKeyListResponse list(@RestPath("space_id") String spaceId, @Context ContainerRequestContext request) {
        AdminPrincipal admin = ApiKeyFilter.adminOf(request);
        return new ApiKeyListResponse(listKeys.list(admin, SpaceId.parse(spaceId)).stream()
                .map(ApiKeyResponse::of).toList());
    }

    @GET
    @Path("{key_id}")
    public ApiKeyResponse get(@RestPath("space_id") String spaceId, @RestPath("key_id") String keyId,
                              @Context ContainerRequestContext request) {
        AdminPrincipal admin = ApiKeyFilter.adminOf(request);
        return ApiKeyResponse.of(getKey.get(admin, SpaceId.parse(spaceId), ApiKeyId.parse(keyId)));
    }

    /** Revokes for good: at once here, within the key cache's TTL on other replicas; revoking again answers 204 too. */
    @DELETE
    @Path("{key_id}")
    @Produces(MediaType.WILDCARD) // 204 has no body: any Accept will do (a generated client sends application/problem+json)
    public Response revoke(@RestPath("space_id") String spaceId, @RestPath("key_id") String keyId,
                           @Context ContainerRequestContext request) {
        AdminPrincipal admin = ApiKeyFilter.adminOf(request);
        revokeKey.revoke(admin, SpaceId.parse(spaceId), ApiKeyId.parse(keyId));
        return Response.noContent().build();
    }
}
