package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyName;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Issues a new random key for a space. The secret leaves the service once, in the answer; only its hash is kept. */
public interface IssueApiKeyUseCase {

    /** @throws com.aimabledocs.artifacts.domain.space.SpaceNotFoundException when there is no such space */
    IssuedApiKey issue(AdminPrincipal admin, Command command);

    record Command(SpaceId spaceId, Optional<ApiKeyName> name, Set<Scope> scopes) {

        public Command {
            Objects.requireNonNull(spaceId, "spaceId");
            name = name == null ? Optional.empty() : name;
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }
    }

    /** The stored key and, this one time, its secret. */
    record IssuedApiKey(ApiKey key, ApiKeySecret secret) {

        public IssuedApiKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(secret, "secret");
        }
    }
}
