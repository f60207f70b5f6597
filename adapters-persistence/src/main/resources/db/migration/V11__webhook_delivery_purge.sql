-- The purge of the delivery log (deliveries that ended more than ARTIFACTS_WEBHOOKS_LOG_RETENTION ago) reads the
-- ended deliveries oldest first.
create index webhook_deliveries_ended_idx on webhook_deliveries (updated_at) where status <> 'pending';
