-- Rate-limit buckets of the API (Bucket4j's PostgreSQL proxy manager, row-lock flavour), one row per API
-- key, shared by every API replica so that a key's limit holds however many replicas serve it.
--
-- id         the API key's ID (the bucket's key)
-- state      Bucket4j's serialized bucket: configuration, its version, and the tokens left at the last refill
-- expires_at epoch milliseconds after which the row is a full bucket again and may be deleted (the API's
--            scheduled purge deletes such rows in small batches)
create table rate_limit_buckets (
    id          text   primary key,
    state       bytea,
    expires_at  bigint
);

create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);
