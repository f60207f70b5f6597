-- Where the time of a generate job goes, from the database's own timestamps (./bench, scenario 4).
-- :windows is a list of (from, to) timestamptz literals: the low-load runs of one content size.
-- Each step is the median (p50) and p90 in milliseconds over the jobs that succeeded in those windows:
--   relay_request   job committed by the API      -> generation request acknowledged by Kafka (outbox sent_at)
--   kafka_to_claim  request acknowledged by Kafka -> job claimed by the worker (jobs.started_at)
--   worker          claimed                       -> succeeded (read the staged bytes, hash, detect, commit)
--   relay_event     succeeded committed           -> job.succeeded acknowledged by Kafka (outbox sent_at)
--   total           job committed                 -> job.succeeded acknowledged by Kafka
-- Timestamps come from two JVMs' clocks and PostgreSQL's on one machine: same clock, millisecond steps.
\set ON_ERROR_STOP 1
with w(from_ts, to_ts) as (values :windows),
j as (
    select j.id, j.artifact_id, j.created_at, j.started_at, j.finished_at,
           (select min(o.sent_at) from outbox o
             where o.message_key = j.artifact_id::text and o.event_type = 'generation_requested') as request_sent,
           (select min(o.sent_at) from outbox o
             where o.message_key = j.artifact_id::text and o.event_type = 'job.succeeded') as event_sent
      from jobs j
     where j.status = 'succeeded'
       and exists (select 1 from w where j.created_at between w.from_ts::timestamptz and w.to_ts::timestamptz)
),
steps(step, ord, ms) as (
    select 'relay_request', 1, extract(epoch from request_sent - created_at) * 1000 from j
    union all select 'kafka_to_claim', 2, extract(epoch from started_at - request_sent) * 1000 from j
    union all select 'worker', 3, extract(epoch from finished_at - started_at) * 1000 from j
    union all select 'relay_event', 4, extract(epoch from event_sent - finished_at) * 1000 from j
    union all select 'total', 5, extract(epoch from event_sent - created_at) * 1000 from j
)
select step,
       count(ms),
       round(percentile_cont(0.5) within group (order by ms)::numeric, 1),
       round(percentile_cont(0.9) within group (order by ms)::numeric, 1)
  from steps
 where ms is not null
 group by step, ord
 order by ord;
