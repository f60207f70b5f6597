package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.access.EventToken;
import java.time.Instant;
import java.util.Optional;

/** The event tokens in force, by the SHA-256 of their secret. */
public interface EventTokenStore {

    void add(EventToken token);

    /** The token with this hash, unless it is unknown or its API key was revoked (expiry is the caller's to check). */
    Optional<EventToken> findActive(String hash);

    /** Deletes up to {@code limit} tokens that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now, int limit);
}
