package com.aimabledocs.artifacts.domain.idempotency;

import java.util.Objects;

/** The answer to an attempt to reserve an Idempotency-Key. */
public sealed interface ReservationOutcome {

    /**
     * The key is now held by the caller's reservation.
     *
     * @param tookOver true when an expired reservation of an earlier request was replaced
     */
    record Reserved(IdempotencyReservation reservation, boolean tookOver) implements ReservationOutcome {

        public Reserved {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /** Another request holds the key (in flight) or has completed under it; the caller's request did not reserve. */
    record Existing(IdempotencyEntry entry) implements ReservationOutcome {

        public Existing {
            Objects.requireNonNull(entry, "entry");
        }
    }
}
