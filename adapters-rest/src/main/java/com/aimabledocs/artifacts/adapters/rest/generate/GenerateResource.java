package com.aimabledocs.artifacts.adapters.rest.generate;

import com.aimabledocs.artifacts.adapters.rest.ApiConfig;
import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.adapters.rest.http.ApiProblemException;
import com.aimabledocs.artifacts.adapters.rest.http.RequestIdFilter;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommand;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactUseCase;
import com.aimabledocs.artifacts.application.port.in.GenerationAccepted;
import com.aimabledocs.artifacts.application.service.GenerateArtifactService;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Accepts generation requests: 202 with the pending artifact and its queued job. One operation, two request
 * encodings (JSON with base64 content, or multipart/form-data with the bytes as they are), the same checks,
 * errors, idempotency and use case.
 */
@Path("/v1/spaces/{space_id}/artifacts")
@Produces(MediaType.APPLICATION_JSON)
public class GenerateResource {

    private static final Logger LOG = Logger.getLogger(GenerateResource.class);

    private final GenerateArtifactUseCase generate;
    private final GenerateJsonReader jsonReader;
    private final GenerateFormReader formReader;
    private final long maxBodyBytes;
    private final long maxUploadBytes;

    GenerateResource(GenerateArtifactUseCase generate, ObjectMapper json, ApiConfig config) {
        this.generate = generate;
        this.maxBodyBytes = config.api().maxBodyBytes();
        this.maxUploadBytes = config.api().maxUploadBytes();
        this.jsonReader = new GenerateJsonReader(json, maxBodyBytes);
        this.formReader = new GenerateFormReader(json);
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
        authorize(principal, space, idempotencyKey);
        try (ParsedGenerateRequest parsed = jsonReader.read(body)) {
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
            authorize(principal, space, idempotencyKey);
            // A chunked body has no Content-Length for EarlyBodyLimitFilter to refuse early: check what arrived.
            long received = uploads.stream().mapToLong(FileUpload::size).sum();
            if (received > maxUploadBytes) {
                throw ApiProblemException.payloadTooLarge(maxUploadBytes);
            }
            try (ParsedGenerateRequest parsed = formReader.read(new GenerateFormReader.Form(uploads, name, type,
                    threadId, threadIds, mediaType, metadata, contentSha256))) {
                return accept(principal, space, idempotencyKey, parsed);
            }
        } finally {
            uploads.forEach(GenerateResource::deleteQuietly);
        }
    }

    /** Before the content is read: the scope for the space, and a well-formed Idempotency-Key. */
    private static void authorize(Principal principal, SpaceId space, String idempotencyKey) {
        principal.authorize(space, Scope.ARTIFACTS_WRITE);
        if (idempotencyKey != null) {
            new IdempotencyKey(principal.keyId(), space, GenerateArtifactService.ROUTE, idempotencyKey);
        }
    }

    private Response accept(Principal principal, SpaceId space, String idempotencyKey, ParsedGenerateRequest parsed) {
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
            Response.ResponseBuilder response = Response.accepted(GenerationAcceptedResponse.of(accepted))
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
}
