package com.aimabledocs.artifacts.adapters.rest.admin;

import java.util.List;

public record ApiKeyListResponse(List<ApiKeyResponse> data) {
}
