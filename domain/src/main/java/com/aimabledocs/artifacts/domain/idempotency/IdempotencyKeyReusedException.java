package com.aimabledocs.artifacts.domain.idempotency;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The same Idempotency-Key came back with a different request body. */
public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super("idempotency_key_reused", "this Idempotency-Key was already used with a different request");
    }
}
