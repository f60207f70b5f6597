package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import java.util.Optional;

public interface IdempotencyStore {

    Optional<IdempotencyRecord> find(IdempotencyKey key);

    /**
     * Reserves the key for the work of the current transaction.
     *
     * @throws com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyTakenException if another request holds it
     */
    void add(IdempotencyRecord record);
}
