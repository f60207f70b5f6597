package com.aimabledocs.artifacts.domain.idempotency;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/**
 * Another request with the same Idempotency-Key is still in flight (or took the key over from this one).
 * The client should retry after {@link #retryAfterSeconds()}: it then gets the replay, or the key.
 */
public final class IdempotencyKeyInUseException extends DomainException {

    private final int retryAfterSeconds;

    public IdempotencyKeyInUseException(int retryAfterSeconds) {
        super("idempotency_key_in_use", "another request with this Idempotency-Key is being processed; retry later");
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
