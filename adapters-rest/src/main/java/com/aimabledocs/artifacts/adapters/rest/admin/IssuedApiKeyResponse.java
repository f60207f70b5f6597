package com.aimabledocs.artifacts.adapters.rest.admin;

import com.aimabledocs.artifacts.application.port.in.IssueApiKeyUseCase;
import com.aimabledocs.artifacts.domain.access.ApiKeyName;
import java.time.Instant;
import java.util.List;

/** The answer to issuing a key: the only response that ever holds its {@code secret}. */
public record IssuedApiKeyResponse(String id, String spaceId, String name, String prefix, List<String> scopes,
                                   Instant createdAt, String secret) {

    static IssuedApiKeyResponse of(IssueApiKeyUseCase.IssuedApiKey issued) {
        var key = issued.key();
        return new IssuedApiKeyResponse(key.id().toString(), key.spaceId().toString(),
                key.name().map(ApiKeyName::value).orElse(null), key.prefix(), ApiKeyResponse.scopesOf(key),
                key.createdAt(), issued.secret().reveal());
    }
}
