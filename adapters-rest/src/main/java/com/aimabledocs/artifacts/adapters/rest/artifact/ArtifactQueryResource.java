package com.aimabledocs.artifacts.adapters.rest.artifact;

import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.adapters.rest.http.EntityTags;
import com.aimabledocs.artifacts.application.port.in.GetArtifactQuery;
import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery;
import com.aimabledocs.artifacts.application.port.in.ListJobsQuery;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** What a space's artifacts are: the list, one artifact's metadata, and the jobs behind an artifact. */
@Path("/v1/spaces/{space_id}/artifacts")
@Produces(MediaType.APPLICATION_JSON)
public class ArtifactQueryResource {

    private final GetArtifactQuery getArtifact;
    private final ListArtifactsQuery listArtifacts;
    private final ListJobsQuery listJobs;
    private final ObjectMapper json;

    ArtifactQueryResource(GetArtifactQuery getArtifact, ListArtifactsQuery listArtifacts, ListJobsQuery listJobs,
                          ObjectMapper json) {
        this.getArtifact = getArtifact;
        this.listArtifacts = listArtifacts;
        this.listJobs = listJobs;
        this.json = json;
    }

    @GET
    public ArtifactPageResponse list(@RestPath("space_id") String spaceId,
                                     @RestQuery("thread_id") String threadId,
                                     @RestQuery("document_type") String documentType,
                                     @RestQuery("status") String status,
                                     @RestQuery("cursor") String cursor,
                                     @RestQuery("limit") String limit,
                                     @Context ContainerRequestContext request) {
        var page = listArtifacts.list(new ListArtifactsQuery.Request(ApiKeyFilter.principalOf(request),
                SpaceId.parse(spaceId),
                Optional.ofNullable(threadId).map(ThreadId::new),
                Optional.ofNullable(documentType).map(t -> DocumentType.fromWireName("document_type", t)),
                Optional.ofNullable(status).map(ArtifactStatus::fromWireName),
                Optional.ofNullable(cursor),
                parseLimit(limit)));
        return new ArtifactPageResponse(page.items().stream().map(ArtifactResponse::of).toList(), page.hasMore(),
                page.nextCursor().orElse(null));
    }

    /**
     * The artifact's metadata, with an {@code ETag} over the exact JSON sent: it changes whenever anything in
     * the representation does (status, content, job outcome, timestamps), and {@code If-None-Match} gives 304.
     */
    @GET
    @Path("{artifact_id}")
    public Response get(@RestPath("space_id") String spaceId,
                        @RestPath("artifact_id") String artifactId,
                        @RestHeader("If-None-Match") String ifNoneMatch,
                        @Context ContainerRequestContext request) {
        ArtifactResponse artifact = ArtifactResponse.of(getArtifact.get(ApiKeyFilter.principalOf(request),
                SpaceId.parse(spaceId), ArtifactId.parse(artifactId)));
        byte[] body;
        try {
            body = json.writeValueAsBytes(artifact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String etag = EntityTags.strong(sha256Hex(body));
        if (EntityTags.noneMatchFails(ifNoneMatch, etag)) {
            return Response.notModified().tag(etag).header("ETag", etag).header("Cache-Control", "private, no-cache")
                    .build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("ETag", etag)
                .header("Cache-Control", "private, no-cache").build();
    }

    @GET
    @Path("{artifact_id}/jobs")
    public JobListResponse jobs(@RestPath("space_id") String spaceId,
                                @RestPath("artifact_id") String artifactId,
                                @Context ContainerRequestContext request) {
        return new JobListResponse(listJobs.list(ApiKeyFilter.principalOf(request), SpaceId.parse(spaceId),
                ArtifactId.parse(artifactId)).stream().map(JobResponse::of).toList());
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return ListArtifactsQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("limit", "limit must be an integer between 1 and " + ListArtifactsQuery.MAX_LIMIT);
        }
    }
}
