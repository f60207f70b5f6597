package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKey;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyTakenException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyRecord;
import com.aimabledocs.artifacts.domain.port.IdempotencyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records keyed by {@link IdempotencyKey}, refusing a second record under the same key as a unique
 * constraint would. {@link #commitConcurrentlyBeforeNextAdd} simulates another request that commits the
 * same key between this request's look-up and its insert: the race a unique constraint settles.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore, TransactionalResource {

    private Map<IdempotencyKey, IdempotencyRecord> rows = new LinkedHashMap<>();
    /** Records committed by "other transactions": a rollback of ours does not remove them. */
    private final Map<IdempotencyKey, IdempotencyRecord> committedElsewhere = new LinkedHashMap<>();
    private IdempotencyRecord racingWinner;

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key) {
        return Optional.ofNullable(rows.get(key));
    }

    @Override
    public void add(IdempotencyRecord record) {
        if (racingWinner != null) {
            rows.put(racingWinner.key(), racingWinner);
            committedElsewhere.put(racingWinner.key(), racingWinner);
            racingWinner = null;
        }
        if (rows.containsKey(record.key())) {
            throw new IdempotencyKeyTakenException(new IllegalStateException("unique constraint on idempotency key"));
        }
        rows.put(record.key(), record);
    }

    /** Another request commits {@code winner} just before this store's next {@link #add}. */
    public void commitConcurrentlyBeforeNextAdd(IdempotencyRecord winner) {
        this.racingWinner = winner;
    }

    public List<IdempotencyRecord> all() {
        return List.copyOf(rows.values());
    }

    public int count() {
        return rows.size();
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<IdempotencyKey, IdempotencyRecord>) snapshot);
        rows.putAll(committedElsewhere);
    }
}
