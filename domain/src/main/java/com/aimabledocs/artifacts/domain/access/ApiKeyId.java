package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.Uuids;
import java.util.UUID;

/** Identifies an API key (not its secret): safe to log, show and revoke by. */
public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Uuids.require("key_id", value);
    }

    public static ApiKeyId of(UUID value) {
        return new ApiKeyId(value);
    }

    /** Parses a client-supplied ID; a malformed one is an {@code invalid_key_id} error. */
    public static ApiKeyId parse(String text) {
        return new ApiKeyId(Uuids.parse("key_id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
