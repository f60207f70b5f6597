-- Sent outbox rows are deleted once they are older than the retention (OutboxPurge). The purge asks
-- for rows sent before a cutoff, a few thousand at a time: this partial index answers with a range scan over the
-- sent rows only (unsent rows stay in outbox_unsent and out of this one).
--
-- A plain build holds off writes to the outbox (every generate request) until it ends. Where a large outbox
-- has accumulated, build it beforehand without blocking, with the same definition:
--   create index concurrently if not exists outbox_sent_at on outbox (sent_at) where sent_at is not null;
-- and this migration finds it there and does nothing.
create index if not exists outbox_sent_at on outbox (sent_at) where sent_at is not null;
