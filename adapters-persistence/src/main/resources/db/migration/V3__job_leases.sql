-- Job leases, and what the sweeper needs to re-drive a job from the database alone.
--
-- A running job is held by one worker (lease_owner) until lease_expires_at; the worker renews the lease
-- while it works. A job whose lease ran out is taken back by the sweeper and tried again. content_sha256
-- is the digest the requester declared, kept so that a re-driven request still checks the bytes.
alter table jobs
    add column lease_owner       text,
    add column lease_expires_at  timestamptz,
    add column content_sha256    char(64);

-- Jobs running before leases existed get a lease that has already expired: the sweeper takes them back.
update jobs set lease_owner = 'unknown (before leases)', lease_expires_at = updated_at where status = 'running';

alter table jobs
    add constraint jobs_lease_while_running
        check ((status = 'running') = (lease_owner is not null and lease_expires_at is not null));

-- The sweeper's three questions, each answered by a small partial index (most jobs are final and appear
-- in none of them): queued jobs whose retry time came; queued jobs untouched for too long (their request
-- was lost); running jobs whose lease expired.
create index jobs_retry_due     on jobs (next_retry_at)    where status = 'queued' and next_retry_at is not null;
create index jobs_queued_stale  on jobs (updated_at)       where status = 'queued' and next_retry_at is null;
create index jobs_lease_expiry  on jobs (lease_expires_at) where status = 'running';
