package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.adapters.rest.http.ApiProblemException;
import com.aimabledocs.artifacts.adapters.rest.http.EntityTags;
import com.aimabledocs.artifacts.adapters.rest.http.RequestIdFilter;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommand;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactUseCase;
import com.aimabledocs.artifacts.application.port.in.GenerationAccepted;
import com.aimabledocs.artifacts.application.port.in.GetArtifactQuery;
import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery;
import com.aimabledocs.artifacts.application.port.in.ListJobsQuery;
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
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The artifacts API: list, read, delete, generate, and the jobs behind an artifact. */
@Path("/v1/spaces/{space_id}/artifacts")
@Produces(MediaType.APPLICATION_JSON)
public class ArtifactResource {

    private static final Logger LOG = Logger.getLogger(ArtifactResource.class);

    private final GenerateArtifactUseCase generate;
    private final GetArtifactQuery getArtifact;
    private final ListArtifactsQuery listArtifacts;
    private final ListJobsQuery listJobs;
    private final DeleteArtifactUseCase deleteArtifact;
    private final ObjectMapper json;
    private final GenerateRequestReader reader;
    private final GenerateFormReader formReader;
    private final long maxUploadBytes;
    private final long maxBodyBytes;

    ArtifactResource(GenerateArtifactUseCase generate, GetArtifactQuery getArtifact, ListArtifactsQuery listArtifacts,
                     ListJobsQuery listJobs, DeleteArtifactUseCase deleteArtifact,
                     ObjectMapper json, ApiConfig config) {
        this.deleteArtifact = deleteArtifact;
        this.generate = generate;
        this.getArtifact = getArtifact;
        this.listArtifacts = listArtifacts;
        this.listJobs = listJobs;
        this.json = json;
        this.maxBodyBytes = config.api().maxBodyBytes();
        this.reader = new GenerateRequestReader(json, maxBodyBytes);
        this.formReader = new GenerateFormReader(json);
        this.maxUploadBytes = config.api().maxUploadBytes();
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
        try (GenerateRequestReader.ParsedRequest parsed = reader.read(body)) {
            return accept(principal, space, idempotencyKey, parsed);
        }
    }

    /**
     * Accepts a generation request as {@code multipart/form-data}: the {@code file} part (streamed to a file in
     * the uploads directory by the HTTP layer, never held in memory) and the JSON body's fields as form fields.
     * Same checks, errors, idempotency and use case as the JSON form; every uploaded file is deleted when the
     * request ends, whatever its outcome.
     */
    // documented with generate: one operation, two request media types
    @POST
    @Path("generate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response generateMultipart(@RestPath("space_id") String spaceId,
                                      @RestHeader("Idempotency-Key") String idempotencyKey,
                                      @RestForm(FileUpload.ALL) List<FileUpload> uploads,
                                      @RestForm("name") String name, @RestForm("type") String type,
                                      @RestForm("thread_id") List<String> threadId,
                                      @RestForm("thread_ids") List<String> threadIds,
                                      @RestForm("media_type") String mediaType, @RestForm("metadata") String metadata,
                                      @RestForm("content_sha256") String contentSha256,
                                      @Context ContainerRequestContext request) {
        try {
            Principal principal = ApiKeyFilter.principalOf(request);
            SpaceId space = SpaceId.parse(spaceId);
            principal.authorize(space, Scope.ARTIFACTS_WRITE);
            if (idempotencyKey != null) {
                new IdempotencyKey(principal.keyId(), space, GenerateArtifactService.ROUTE, idempotencyKey);
            }
            // A chunked body has no Content-Length for EarlyBodyLimitFilter to refuse early: check what arrived.
            long received = uploads.stream().mapToLong(FileUpload::size).sum();
            if (received > maxUploadBytes) {
                throw ApiProblemException.payloadTooLarge(maxUploadBytes);
            }
            try (GenerateRequestReader.ParsedRequest parsed = formReader.read(new GenerateFormReader.Form(uploads, name,
                    type, threadId, threadIds, mediaType, metadata, contentSha256))) {
                return accept(principal, space, idempotencyKey, parsed);
            }
        } finally {
            uploads.forEach(ArtifactResource::deleteQuietly);
        }
    }

    private Response accept(Principal principal, SpaceId space, String idempotencyKey,
                            GenerateRequestReader.ParsedRequest parsed) {
        try (InputStream content = parsed.openContent()) {
            GenerationAccepted accepted = generate.generate(new GenerateArtifactCommand(principal, space,
                    parsed.name(), parsed.type(), parsed.threadIds(), parsed.mediaType(), parsed.metadata(),
                    parsed.declaredSha256(), content, parsed.contentLength(),
                    Optional.ofNullable(idempotencyKey)
                            .map(k -> new GenerateArtifactCommand.Idempotency(k, parsed.contentSha256()))));
            MDC.put(RequestIdFilter.ARTIFACT_ID, accepted.artifact().id().toString());
            MDC.put(RequestIdFilter.JOB_ID, accepted.job().id().toString());
            LOG.infof("generation %s: job %s for artifact %s", accepted.replayed() ? "replayed" : "accepted",
                    accepted.job().id(), accepted.artifact().id());
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

    private static void deleteQuietly(FileUpload upload) {
        try {
            Files.deleteIfExists(upload.uploadedFile());
        } catch (IOException ignored) {
            // the HTTP layer deletes uploads at the end of the request too (delete-uploaded-files-on-end)
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
