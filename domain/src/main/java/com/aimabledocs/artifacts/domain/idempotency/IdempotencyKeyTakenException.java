package com.aimabledocs.artifacts.domain.idempotency;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** Another request reserved the same key first (a race lost at the unique constraint). */
public final class IdempotencyKeyTakenException extends DomainException {

    public IdempotencyKeyTakenException(Throwable cause) {
        super("idempotency_key_in_use", "another request with this Idempotency-Key is being processed");
        initCause(cause);
    }
}
