package com.aimabledocs.artifacts.adapters.rest;

import java.util.List;

public record JobListResponse(List<JobResponse> data) {
}
