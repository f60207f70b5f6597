package com.aimabledocs.artifacts.adapters.rest.download;

import com.aimabledocs.artifacts.adapters.rest.ApiConfig;
import com.aimabledocs.artifacts.adapters.rest.auth.ApiKeyFilter;
import com.aimabledocs.artifacts.adapters.rest.http.EntityTags;
import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery;
import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery.Downloadable;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** An artifact's bytes: all of them or one range, from the service or straight from storage. */
@Path("/v1/spaces/{space_id}/artifacts")
public class DownloadResource {

    private final OpenDownloadQuery openDownload;
    private final Duration redirectTtl;

    DownloadResource(OpenDownloadQuery openDownload, ApiConfig config) {
        this.openDownload = openDownload;
        this.redirectTtl = config.api().downloadRedirectTtl();
    }

    /**
     * Streams the bytes from storage to the client (all of them, or one {@code Range}); memory use does not
     * depend on the object's size. With {@code ?redirect=true} it answers 302 to a short-lived presigned storage
     * URL instead, so the bytes bypass the service.
     */
    @GET
    @Path("{artifact_id}/download")
    @Produces(MediaType.WILDCARD)
    public Response download(@BeanParam DownloadRequest download, @Context ContainerRequestContext request) {
        return answer(download, request, true);
    }

    /**
     * The same status and headers as {@link #download} without the body, and without opening the object:
     * everything comes from the stored metadata.
     */
    @HEAD
    @Path("{artifact_id}/download")
    @Produces(MediaType.WILDCARD)
    public Response headDownload(@BeanParam DownloadRequest download, @Context ContainerRequestContext request) {
        return answer(download, request, false);
    }

    /** GET and HEAD alike; only GET opens the object, and only for the bytes it sends. */
    private Response answer(DownloadRequest download, ContainerRequestContext request, boolean withBody) {
        boolean redirecting = parseRedirect(download.redirect);
        Downloadable downloadable = openDownload.find(ApiKeyFilter.principalOf(request),
                SpaceId.parse(download.spaceId), ArtifactId.parse(download.artifactId));
        String etag = DownloadAnswers.etagOf(downloadable);
        // 304 when the client's copy is current (checked first, RFC 9110 13.2.2), else 302 when asked to redirect.
        if (EntityTags.noneMatchFails(download.ifNoneMatch, etag)) {
            return DownloadAnswers.notModified(etag);
        }
        if (redirecting) {
            URI location = openDownload.presign(downloadable, redirectTtl, new ObjectStore.ResponseOverrides(
                    downloadable.content().mediaType().value(), DownloadAnswers.dispositionOf(downloadable)));
            return DownloadAnswers.redirect(location);
        }
        ByteRangeHeader.Outcome outcome = rangeOutcome(downloadable, etag, download.range, download.ifRange);
        if (outcome instanceof ByteRangeHeader.Partial partial) {
            Response.ResponseBuilder status = withBody
                    ? Response.status(206).entity(DownloadStream.of(openDownload.open(downloadable, Optional.of(partial.range()))))
                    : Response.status(206);
            return DownloadAnswers.partial(status, downloadable, etag, partial.range());
        }
        if (outcome instanceof ByteRangeHeader.Unsatisfiable) {
            throw DownloadAnswers.rangeNotSatisfiable(downloadable);
        }
        Response.ResponseBuilder status = withBody
                ? Response.ok(DownloadStream.of(openDownload.open(downloadable, Optional.empty())))
                : Response.ok();
        return DownloadAnswers.whole(status, downloadable, etag);
    }

    private static ByteRangeHeader.Outcome rangeOutcome(Downloadable downloadable, String etag, String range,
                                                        String ifRange) {
        // If-Range: serve the range only while the client's copy is still current, else the whole thing.
        if (range == null || !EntityTags.ifRangeHolds(ifRange, etag)) {
            return new ByteRangeHeader.Whole();
        }
        return ByteRangeHeader.evaluate(range, downloadable.content().sizeBytes());
    }

    private static boolean parseRedirect(String redirect) {
        if (redirect == null || redirect.equals("false")) {
            return false;
        }
        if (redirect.equals("true")) {
            return true;
        }
        throw new InvalidValueException("redirect", "redirect must be true or false");
    }
}
