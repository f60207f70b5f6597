package com.aimabledocs.artifacts.domain.idempotency;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key}, scoped to the API key that sent it, the space and the route, so two
 * clients can never collide on the same key text.
 */
public record IdempotencyKey(ApiKeyId owner, SpaceId spaceId, String route, String key) {

    public static final int MAX_LENGTH = 255;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]+");

    public IdempotencyKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(route, "route");
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH || !PRINTABLE.matcher(key).matches()) {
            throw new InvalidValueException("idempotency_key",
                    "Idempotency-Key must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }
}
