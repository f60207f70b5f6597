package com.aimabledocs.artifacts.adapters.rest.artifact;

import java.util.List;

public record JobListResponse(List<JobResponse> data) {
}
