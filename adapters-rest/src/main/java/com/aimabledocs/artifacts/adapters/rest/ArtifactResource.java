package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommand;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactUseCase;
import com.aimabledocs.artifacts.application.port.in.GenerationAccepted;
import com.aimabledocs.artifacts.application.port.in.GetArtifactQuery;
import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery;
import com.aimabledocs.artifacts.application.port.in.ListJobsQuery;
import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery;
import com.aimabledocs.artifacts.application.service.GenerateArtifactService;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.aimabledocs.artifacts.application.port.in.DeleteArtifactUseCase;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The artifacts API: list, read, download, generate, and the jobs behind an artifact. */
@Path("/v1/spaces/{space_id}/artifacts")
@Produces(MediaType.APPLICATION_JSON)
public class ArtifactResource {

    private final GenerateArtifactUseCase generate;
    private final GetArtifactQuery getArtifact;
    private final ListArtifactsQuery listArtifacts;
    private final OpenDownloadQuery openDownload;
    private final ListJobsQuery listJobs;
    private final DeleteArtifactUseCase deleteArtifact;
    private final ObjectMapper json;
    private final GenerateRequestReader reader;
    private final long maxBodyBytes;

    ArtifactResource(GenerateArtifactUseCase generate, GetArtifactQuery getArtifact, ListArtifactsQuery listArtifacts,
                     OpenDownloadQuery openDownload, ListJobsQuery listJobs, DeleteArtifactUseCase deleteArtifact,
                     ObjectMapper json, ApiConfig config) {
        this.deleteArtifact = deleteArtifact;
        this.generate = generate;
        this.getArtifact = getArtifact;
        this.listArtifacts = listArtifacts;
        this.openDownload = openDownload;
        this.listJobs = listJobs;
        this.json = json;
        this.maxBodyBytes = config.api().maxBodyBytes();
        this.reader = new GenerateRequestReader(json, maxBodyBytes);
    }

    @GET
    public ArtifactPageResponse list(@RestPath("space_id") String spaceId, @RestQuery("thread_id") String threadId,
                                     @RestQuery("document_type") String documentType,
                                     @RestQuery("status") String status, @RestQuery("cursor") String cursor,
                                     @RestQuery("limit") String limit, @Context ContainerRequestContext request) {
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

    @GET
    @Path("{artifact_id}")
    public ArtifactResponse get(@RestPath("space_id") String spaceId, @RestPath("artifact_id") String artifactId,
                                @Context ContainerRequestContext request) {
        return ArtifactResponse.of(getArtifact.get(ApiKeyFilter.principalOf(request), SpaceId.parse(spaceId),
                ArtifactId.parse(artifactId)));
    }

    /**
     * Deletes the artifact: 204, also when it was deleted already. It leaves lists at once, its download
     * answers 410 {@code artifact_gone}, and its stored bytes are purged after the grace period.
     */
    @DELETE
    @Path("{artifact_id}")
    public Response delete(@RestPath("space_id") String spaceId, @RestPath("artifact_id") String artifactId,
                           @Context ContainerRequestContext request) {
        deleteArtifact.delete(ApiKeyFilter.principalOf(request), SpaceId.parse(spaceId), ArtifactId.parse(artifactId));
        return Response.noContent().build();
    }

    @GET
    @Path("{artifact_id}/jobs")
    public JobListResponse jobs(@RestPath("space_id") String spaceId, @RestPath("artifact_id") String artifactId,
                                @Context ContainerRequestContext request) {
        return new JobListResponse(listJobs.list(ApiKeyFilter.principalOf(request), SpaceId.parse(spaceId),
                ArtifactId.parse(artifactId)).stream().map(JobResponse::of).toList());
    }

    /** Streams the bytes from storage to the client; memory use does not depend on the object's size. */
    @GET
    @Path("{artifact_id}/download")
    @Produces(MediaType.WILDCARD)
    public Response download(@RestPath("space_id") String spaceId, @RestPath("artifact_id") String artifactId,
                             @RestHeader("If-None-Match") String ifNoneMatch, @Context ContainerRequestContext request) {
        OpenDownloadQuery.Download download = openDownload.open(ApiKeyFilter.principalOf(request),
                SpaceId.parse(spaceId), ArtifactId.parse(artifactId));
        String etag = "\"" + download.content().sha256().hex() + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains(etag))) {
            download.close();
            return Response.notModified().header("ETag", etag).build();
        }
        StreamingOutput body = out -> {
            try (download) {
                download.body().stream().transferTo(out);
            }
        };
        return Response.ok(body)
                .type(download.content().mediaType().value())
                .header("Content-Length", download.content().sizeBytes())
                .header("Content-Disposition", ContentDisposition.attachment(download.artifact().name().value()))
                .header("ETag", etag)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-cache")
                .build();
    }

    /**
     * Accepts a generation request: 202 with the pending artifact and its queued job. The body is read as a
     * stream and its base64 content decoded to a temporary file on the way in.
     */
    @POST
    @Path("generate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response generate(@RestPath("space_id") String spaceId,
                             @RestHeader("Idempotency-Key") String idempotencyKey,
                             @RestHeader("Content-Length") String contentLength,
                             @Context ContainerRequestContext request, InputStream body) {
        Principal principal = ApiKeyFilter.principalOf(request);
        SpaceId space = SpaceId.parse(spaceId);
        // Fail fast, before the body is read: too large, wrong space or scope, malformed Idempotency-Key.
        if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > maxBodyBytes) {
            throw ApiProblemException.payloadTooLarge(maxBodyBytes);
        }
        principal.authorize(space, Scope.ARTIFACTS_WRITE);
        if (idempotencyKey != null) {
            new IdempotencyKey(principal.keyId(), space, GenerateArtifactService.ROUTE, idempotencyKey);
        }
        try (GenerateRequestReader.ParsedRequest parsed = reader.read(body);
             InputStream content = parsed.openContent()) {
            GenerationAccepted accepted = generate.generate(new GenerateArtifactCommand(principal, space,
                    parsed.name(), parsed.type(), parsed.threadIds(), parsed.mediaType(), parsed.metadata(),
                    parsed.declaredSha256(), content, parsed.contentLength(),
                    Optional.ofNullable(idempotencyKey)
                            .map(k -> new GenerateArtifactCommand.Idempotency(k, parsed.fingerprint(json)))));
            Response.ResponseBuilder response = Response.accepted(new GenerationAcceptedResponse(
                            ArtifactResponse.of(accepted.artifact()), JobResponse.of(accepted.job())))
                    .location(URI.create("/v1/spaces/" + space + "/artifacts/" + accepted.artifact().id()));
            if (accepted.replayed()) {
                response.header("Idempotent-Replayed", "true");
            }
            return response.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
