-- pgbench: one committed one-row INSERT (the durable commit every accepted or finished job pays); ./bench, scenario 4.
insert into bench_commit (at) values (now());
