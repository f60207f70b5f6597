-- Seeds the list/metadata data set straight into the bootstrap space (psql -v space=... -v n=...).
-- Only columns that exist since V1 are named; columns added later (V4: detected_media_type, purged_at, ...)
-- take their defaults, so the seed works before and after those migrations.
--
-- Artifact i (1..n) gets the ID 01900000-0000-7000-8000-<i as 12 hex digits> (so wrk and pgbench can pick
-- a random existing ID without a lookup table) and created_at = base + i ms (newest = highest i, the keyset
-- order and the ID order agree). Every artifact is ready, of type document and linked to the thread
-- bench-thread: each filter then matches all n rows, so page 10,000 exists for every filter and the deep
-- page of a filtered list is as deep as the unfiltered one (each filter still walks its own index).
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '256MB';

begin;
insert into artifacts (id, space_id, name, document_type, status, declared_media_type, media_type, size_bytes,
                       sha256, metadata, created_at, updated_at, version)
select ('01900000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       :'space'::uuid,
       'bench-' || i || '.txt',
       'document',
       'ready',
       null,
       'text/plain',
       1024,
       repeat('ab', 32),
       '{}'::jsonb,
       timestamptz '2026-01-01 00:00:00+00' + i * interval '1 millisecond',
       timestamptz '2026-01-01 00:00:00+00' + i * interval '1 millisecond',
       1
  from generate_series(1, :n) as i;

insert into artifact_threads (artifact_id, thread_id, position, space_id, created_at)
select ('01900000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       'bench-thread',
       0,
       :'space'::uuid,
       timestamptz '2026-01-01 00:00:00+00' + i * interval '1 millisecond'
  from generate_series(1, :n) as i;
commit;

vacuum analyze artifacts;
vacuum analyze artifact_threads;
