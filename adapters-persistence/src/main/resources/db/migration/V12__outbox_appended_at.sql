-- When a row was appended, by the database's clock at the insert (issue 17). The committing thread now sends its
-- rows to Kafka right after the commit; the relay only claims rows that have been waiting longer than a grace period
-- (artifacts.messaging.relay.direct-grace), measured with this column on the database's own clock, so the two never
-- race for a fresh row and several replicas agree on a row's age whatever their own clocks say.
--
-- Added without a default first and given it afterwards: both are changes of the catalogue only, no rewrite of the
-- table and no long lock. Rows written before this migration keep null, which the relay treats as old enough.
alter table outbox add column if not exists appended_at timestamptz;
alter table outbox alter column appended_at set default clock_timestamp();
