package com.aimabledocs.artifacts.adapters.rest.artifact;

import java.util.List;

public record ArtifactPageResponse(List<ArtifactResponse> data, boolean hasMore, String nextCursor) {
}
