package com.aimabledocs.artifacts.domain.idempotency;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/**
 * A reservation could not be completed because its holder no longer holds it: it expired and another
 * request took the key over, or it was released or purged. Thrown inside the creating transaction, so
 * nothing of the late request is committed.
 */
public final class IdempotencyReservationLostException extends DomainException {

    public IdempotencyReservationLostException(IdempotencyKey key) {
        super("idempotency_reservation_lost",
                "the reservation of Idempotency-Key " + key.key() + " is no longer held by this request");
    }
}
