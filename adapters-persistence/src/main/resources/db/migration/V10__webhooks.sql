-- Webhooks: the endpoints a space registered, the deliveries of events owed to them, and the log of each
-- delivery's attempts. Deleting an endpoint deletes its deliveries and their attempts.

-- An endpoint's signing secrets are stored encrypted (AES-256-GCM, see AesGcmSecretCipher): a version byte, the
-- key's ID (the first 4 bytes of its SHA-256), a 12-byte nonce, then the ciphertext and its tag, bound to the
-- endpoint's ID so that it cannot be copied to another row.
create table webhook_endpoints (
    id                          uuid        primary key,
    space_id                    uuid        not null references spaces (id),
    url                         text        not null,
    event_types                 text[]      not null,
    description                 text,
    secret_ciphertext           bytea       not null,
    previous_secret_ciphertext  bytea,
    previous_secret_until       timestamptz,
    disabled_reason             text,
    disabled_at                 timestamptz,
    failing_since               timestamptz,
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null,
    version                     bigint      not null,
    constraint webhook_endpoints_types check (cardinality(event_types) > 0),
    constraint webhook_endpoints_previous_secret
        check ((previous_secret_ciphertext is null) = (previous_secret_until is null)),
    constraint webhook_endpoints_disabled_reason check (disabled_reason in ('manual', 'gone', 'failing')),
    constraint webhook_endpoints_disabled check ((disabled_reason is null) = (disabled_at is null))
);
-- A space's endpoints, newest first (this also serves the look-ups by space).
create index webhook_endpoints_by_space on webhook_endpoints (space_id, created_at desc, id desc);

-- IDs are UUIDv7, so id order is creation order: the delivery log walks (endpoint_id, id desc).
-- A delivery has a next attempt exactly while it is pending.
create table webhook_deliveries (
    id               uuid        primary key,
    endpoint_id      uuid        not null references webhook_endpoints (id) on delete cascade,
    space_id         uuid        not null,
    event_id         text        not null,
    event_type       text        not null,
    body             text        not null,   -- the request body, the same bytes on every attempt
    status           text        not null,
    attempts         int         not null,
    next_attempt_at  timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint webhook_deliveries_status_known check (status in ('pending', 'succeeded', 'failed')),
    constraint webhook_deliveries_next_while_pending check ((status = 'pending') = (next_attempt_at is not null)),
    constraint webhook_deliveries_attempts check (attempts >= 0),
    -- An event read twice from the topic is owed once per endpoint.
    constraint webhook_deliveries_once unique (endpoint_id, event_id)
);
-- The dispatcher's claim and the oldest-due gauge: only pending deliveries are in it.
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
-- The delivery log, newest first, whole or by status.
create index webhook_deliveries_log        on webhook_deliveries (endpoint_id, id desc);
create index webhook_deliveries_log_status on webhook_deliveries (endpoint_id, status, id desc);

-- One row per attempt: an HTTP status (with the start of the response body) or an error, never both.
create table webhook_attempts (
    id             bigint      generated always as identity primary key,
    delivery_id    uuid        not null references webhook_deliveries (id) on delete cascade,
    number         int         not null,
    attempted_at   timestamptz not null,
    duration_ms    bigint      not null,
    http_status    int,
    response_body  text,
    error          text,
    constraint webhook_attempts_outcome check ((http_status is null) <> (error is null))
);
create index webhook_attempts_by_delivery on webhook_attempts (delivery_id, number);
