-- pgbench baseline of the metadata read: one select by primary key of a random seeded artifact
-- (same IDs as wrk-artifacts.lua; run with -D n=<artifacts seeded>).
\set i random(1, :n)
select * from artifacts where id = ('01900000-0000-7000-8000-' || lpad(to_hex(:i::bigint), 12, '0'))::uuid;
