-- Artifacts schema, version 1.
-- Every list is a keyset walk in (created_at desc, id desc) order; each filter has an index that
-- serves that order directly, so page 10,000 costs what page 1 costs.

create table spaces (
    id          uuid        primary key,
    name        text        not null,
    created_at  timestamptz not null
);

create table api_keys (
    id           uuid        primary key,
    space_id     uuid        not null references spaces (id),
    prefix       text        not null,
    secret_hash  char(64)    not null unique,  -- SHA-256 of the secret; the secret itself is never stored
    scopes       text[]      not null,
    created_at   timestamptz not null,
    revoked_at   timestamptz
);
create index api_keys_space on api_keys (space_id);

create table artifacts (
    id                   uuid        primary key,
    space_id             uuid        not null references spaces (id),
    name                 text        not null,
    document_type        text        not null,
    status               text        not null,
    declared_media_type  text,
    media_type           text,
    size_bytes           bigint,
    sha256               char(64),
    metadata             jsonb       not null default '{}'::jsonb,
    failure_code         text,
    failure_message      text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null,
    constraint artifacts_status_known check (status in ('pending', 'processing', 'ready', 'failed')),
    constraint artifacts_ready_has_content check ((status = 'ready') = (sha256 is not null and size_bytes is not null and media_type is not null)),
    constraint artifacts_failed_has_reason check ((status = 'failed') = (failure_code is not null))
);
create index artifacts_walk        on artifacts (space_id, created_at desc, id desc);
create index artifacts_walk_type   on artifacts (space_id, document_type, created_at desc, id desc);
create index artifacts_walk_status on artifacts (space_id, status, created_at desc, id desc);

-- An artifact belongs to any number of threads. space_id and created_at are copied from the artifact
-- (they never change) so that the thread filter walks one index in list order.
create table artifact_threads (
    artifact_id  uuid        not null references artifacts (id) on delete cascade,
    thread_id    text        not null,
    position     int         not null,
    space_id     uuid        not null,
    created_at   timestamptz not null,
    primary key (artifact_id, thread_id)
);
create index artifact_threads_walk on artifact_threads (space_id, thread_id, created_at desc, artifact_id desc);

create table jobs (
    id             uuid        primary key,
    artifact_id    uuid        not null references artifacts (id) on delete cascade,
    space_id       uuid        not null,
    kind           text        not null,
    status         text        not null,
    attempt        int         not null,
    max_attempts   int         not null,
    next_retry_at  timestamptz,
    error_code     text,
    error_message  text,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    updated_at     timestamptz not null,
    version        bigint      not null,
    constraint jobs_status_known check (status in ('queued', 'running', 'succeeded', 'failed')),
    constraint jobs_attempts check (attempt between 0 and max_attempts)
);
create index jobs_by_artifact on jobs (artifact_id, created_at, id);

-- Idempotency-Key reservations, scoped to (API key, space, route). Written in the same transaction
-- as the artifact, the job and the outbox row: two requests can never both create.
create table idempotency_records (
    api_key_id           uuid        not null,
    space_id             uuid        not null,
    route                text        not null,
    idempotency_key      text        not null,
    request_fingerprint  char(64)    not null,
    artifact_id          uuid        not null,
    job_id               uuid        not null,
    created_at           timestamptz not null,
    primary key (api_key_id, space_id, route, idempotency_key)
);
create index idempotency_records_age on idempotency_records (created_at);

-- Transactional outbox: messages written with the state change that caused them, sent to Kafka by a
-- relay afterwards. The sequence gives a stable send order.
create table outbox (
    id            bigint      generated always as identity primary key,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    payload       jsonb       not null,
    created_at    timestamptz not null,
    sent_at       timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;
