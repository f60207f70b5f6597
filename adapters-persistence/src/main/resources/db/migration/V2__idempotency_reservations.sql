-- Idempotency keys are reserved in two phases. A request first reserves its key in a short transaction
-- of its own (state 'in_flight', with a token only that request knows and a deadline), stages its bytes,
-- then completes the reservation in the transaction that creates the artifact, the job and the outbox
-- row (state 'completed', with what was created). A second request with the same key meanwhile finds
-- the reservation and is told the key is in use, instead of waiting on a lock for the whole upload. A
-- reservation whose deadline passed (its request crashed) is taken over by the next request.
--
-- Rows written before this migration are completed ones: the default keeps them, and any writer that
-- does not know the columns yet, valid.
alter table idempotency_records
    add column state             text not null default 'completed',
    add column reserved_until    timestamptz,
    add column reservation_token uuid,
    alter column artifact_id drop not null,
    alter column job_id drop not null,
    add constraint idempotency_records_state_known check (state in ('in_flight', 'completed')),
    add constraint idempotency_records_completed_has_result
        check (state <> 'completed' or (artifact_id is not null and job_id is not null)),
    add constraint idempotency_records_in_flight_has_owner
        check (state <> 'in_flight' or (reservation_token is not null and reserved_until is not null));

-- The purge deletes completed keys by age (created_at, already indexed) and abandoned reservations by
-- their deadline; reservations are few, so a partial index keeps that second look-up cheap.
create index idempotency_records_in_flight_until on idempotency_records (reserved_until) where state = 'in_flight';
