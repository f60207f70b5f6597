package com.aimabledocs.artifacts.adapters.rest;

import java.util.List;

public record ApiKeyListResponse(List<ApiKeyResponse> data) {
}
