package com.aimabledocs.artifacts.adapters.rest.download;

import com.aimabledocs.artifacts.adapters.rest.http.ApiProblemException;
import com.aimabledocs.artifacts.adapters.rest.http.EntityTags;
import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery.Downloadable;
import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The headers of every download answer. Whatever the status, the bytes are never rendered by a browser
 * ({@code nosniff}, a sandboxing {@code Content-Security-Policy}) and ranges are offered; a representation
 * carries its type, length, file name ({@code Content-Disposition: attachment}) and entity tag, the SHA-256
 * of the content.
 */
final class DownloadAnswers {

    /** Downloads are never rendered: no scripts, no plugins, no same-origin access, even if opened inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    private DownloadAnswers() {
    }

    static String etagOf(Downloadable downloadable) {
        return EntityTags.strong(downloadable.content().sha256().hex());
    }

    static String dispositionOf(Downloadable downloadable) {
        return ContentDisposition.attachment(downloadable.artifact().name().value());
    }

    /** 304: the client's copy is current. */
    static Response notModified(String etag) {
        return downloadHeaders(Response.notModified()).header("ETag", etag).header("Cache-Control", "private, no-cache")
                .build();
    }

    /** 302 to a presigned storage URL, which no cache may keep. */
    static Response redirect(URI location) {
        return downloadHeaders(Response.status(Response.Status.FOUND).location(location))
                .header("Cache-Control", "no-store").build();
    }

    /** 200 with the whole representation; {@code response} holds the body, or none for HEAD. */
    static Response whole(Response.ResponseBuilder response, Downloadable downloadable, String etag) {
        return representation(response, downloadable, etag, downloadable.content().sizeBytes()).build();
    }

    /** 206 with {@code range} of the representation; {@code response} holds the body, or none for HEAD. */
    static Response partial(Response.ResponseBuilder response, Downloadable downloadable, String etag, ByteRange range) {
        return representation(response, downloadable, etag, range.length())
                .header("Content-Range", "bytes %d-%d/%d".formatted(range.first(), range.last(),
                        downloadable.content().sizeBytes()))
                .build();
    }

    /** 416, saying how long the content is. */
    static ApiProblemException rangeNotSatisfiable(Downloadable downloadable) {
        long size = downloadable.content().sizeBytes();
        return new ApiProblemException(416, "range_not_satisfiable",
                "the requested range lies outside the content's " + size + " bytes")
                .withHeader("Content-Range", "bytes */" + size)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .withHeader("Accept-Ranges", "bytes");
    }

    private static Response.ResponseBuilder representation(Response.ResponseBuilder response, Downloadable downloadable,
                                                           String etag, long contentLength) {
        return downloadHeaders(response)
                .type(downloadable.content().mediaType().value())
                .header("Content-Length", contentLength)
                .header("Content-Disposition", dispositionOf(downloadable))
                .header("ETag", etag)
                .header("Cache-Control", "private, no-cache");
    }

    private static Response.ResponseBuilder downloadHeaders(Response.ResponseBuilder response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Accept-Ranges", "bytes");
    }
}
