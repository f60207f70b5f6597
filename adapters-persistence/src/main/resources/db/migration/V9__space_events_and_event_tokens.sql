-- The journal the Server-Sent Events stream reads: every lifecycle event, written in the transaction of its change
-- (next to its outbox row). A reader's position is (txid, id). A row is handed out only once every transaction
-- with a smaller ID has ended (txid < pg_snapshot_xmin(pg_current_snapshot())), so a transaction that commits
-- after a later-numbered one can never be skipped by a reader that has moved past it.
create table space_events (
    id          bigint generated always as identity,
    txid        xid8        not null default pg_current_xact_id(),
    space_id    uuid        not null,
    artifact_id uuid        not null,
    event_type  text        not null,
    payload     text        not null,   -- the JSON of the events topic, as sent
    created_at  timestamptz not null,
    primary key (txid, id)
);
-- The live tail of every space (one reader per API replica) and a space's history after a cursor.
create index space_events_space on space_events (space_id, txid, id);
-- The retention purge.
create index space_events_created_at on space_events (created_at);

-- Short-lived, read-only tokens for the event stream (EventSource cannot send headers). Only the SHA-256 of a
-- token is stored; a token dies with its key.
create table event_tokens (
    token_hash  char(64)    primary key,
    api_key_id  uuid        not null references api_keys (id),
    space_id    uuid        not null,
    expires_at  timestamptz not null
);
create index event_tokens_expires_at on event_tokens (expires_at);
