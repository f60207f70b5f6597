package com.aimabledocs.artifacts.adapters.rest.download;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** What a download request says: the artifact, and how the client wants its bytes. */
public final class DownloadRequest {

    @RestPath("space_id")
    String spaceId;

    @RestPath("artifact_id")
    String artifactId;

    @RestQuery("redirect")
    String redirect;

    @RestHeader("If-None-Match")
    String ifNoneMatch;

    @RestHeader("Range")
    String range;

    @RestHeader("If-Range")
    String ifRange;
}
