package com.aimabledocs.artifacts.adapters.rest.artifact;

import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.application.port.in.DeleteArtifactUseCase;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** Deleting an artifact (soft: its metadata stays readable with status {@code deleted}). */
@Path("/v1/spaces/{space_id}/artifacts")
@Produces(MediaType.APPLICATION_JSON)
public class DeleteArtifactResource {

    private final DeleteArtifactUseCase deleteArtifact;

    DeleteArtifactResource(DeleteArtifactUseCase deleteArtifact) {
        this.deleteArtifact = deleteArtifact;
    }

    /**
     * Deletes the artifact: 204, also when it was deleted already. It leaves lists at once, its download
     * answers 410 {@code artifact_gone}, and its stored bytes are purged after the grace period.
     */
    @DELETE
    @Path("{artifact_id}")
    @Produces(MediaType.WILDCARD) // 204 has no body: any Accept will do (a generated client sends application/problem+json)
    public Response delete(@RestPath("space_id") String spaceId,
                           @RestPath("artifact_id") String artifactId,
                           @Context ContainerRequestContext request) {
        deleteArtifact.delete(ApiKeyFilter.principalOf(request), SpaceId.parse(spaceId), ArtifactId.parse(artifactId));
        return Response.noContent().build();
    }
}
