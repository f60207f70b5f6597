-- Version 4: soft deletion of artifacts with a deferred purge of their bytes, canceled jobs, the media
-- type detected from the bytes, and each space's media type policy.

alter table artifacts drop constraint artifacts_status_known;
alter table artifacts add constraint artifacts_status_known
    check (status in ('pending', 'processing', 'ready', 'failed', 'deleted'));

-- A deleted artifact keeps what it had (content facts or a failure reason) for the record.
alter table artifacts drop constraint artifacts_ready_has_content;
alter table artifacts add constraint artifacts_ready_has_content
    check ((status <> 'ready' or (sha256 is not null and size_bytes is not null and media_type is not null))
       and (status in ('ready', 'deleted') or sha256 is null));
alter table artifacts drop constraint artifacts_failed_has_reason;
alter table artifacts add constraint artifacts_failed_has_reason
    check ((status <> 'failed' or failure_code is not null)
       and (status in ('failed', 'deleted') or failure_code is null));

alter table artifacts add column detected_media_type text;
-- When the stored bytes of a deleted artifact were removed; null while they still exist.
alter table artifacts add column purged_at timestamptz;
-- The purge's work list: deleted, not yet purged, oldest deletion first (updated_at is the deletion time).
create index artifacts_to_purge on artifacts (updated_at) where status = 'deleted' and purged_at is null;

alter table jobs drop constraint jobs_status_known;
alter table jobs add constraint jobs_status_known
    check (status in ('queued', 'running', 'succeeded', 'failed', 'canceled'));

alter table spaces add column media_type_policy text not null default 'trust_declared';
alter table spaces add constraint spaces_media_type_policy_known
    check (media_type_policy in ('trust_declared', 'reject_mismatch'));
