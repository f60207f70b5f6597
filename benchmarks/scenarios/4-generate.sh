# shellcheck shell=bash
# Scenario 4, generate pipeline: POST to job.succeeded (benchmarks/GenerateLoad.java), one at a time and 1/4/16 users
# in a closed loop, against Kafka's EndToEndLatency on the same broker; the floor (commit, S3 PUT/GET) in the same
# rounds, where the time goes (benchmarks/pipeline-steps.sql) and, at each sustained point, the CPU of the API and
# of the worker. Defines gen(), which scenario 5 uses. Sourced by ./bench.

say "scenario 4: generate pipeline, POST to job.succeeded (benchmarks/GenerateLoad.java) vs Kafka's EndToEndLatency"
if [[ ! -f $TOOLS_LIB/kafka-tools-4.4.0.jar ]]; then
  step "fetching the Kafka tools jar (benchmarks/kafka-tools/pom.xml)"
  ./mvnw -q -B -f benchmarks/kafka-tools/pom.xml dependency:copy-dependencies -DoutputDirectory="$TOOLS_LIB"
fi
mkdir -p "$W/classes"
"$JAVAC" -nowarn -d "$W/classes" -cp "$KAFKA_LIB/*" benchmarks/GenerateLoad.java
# stderr and the BENCH lines both go to the generate log, appended
# shellcheck disable=SC2094
gen() { # args for GenerateLoad
  "$JAVA" -Xmx512m -Dlog4j2.configurationFile="$W/log4j2.xml" -cp "$W/classes:$KAFKA_LIB/*" GenerateLoad \
    --api "$API" --space "$SPACE" --key "$KEY" --bootstrap "$ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS" \
    --topic artifacts.events.v1 "$@" 2>>"$W/generate.log" | tee -a "$W/generate.log" | grep '^BENCH'
}
e2e() { # record-size num-records -> "BENCH p50_ms=.. p99_ms=.. avg_ms=.."
  local out
  out=$("$JAVA" -Dlog4j2.configurationFile="$W/log4j2.xml" -cp "$TOOLS_LIB/*:$KAFKA_LIB/*" org.apache.kafka.tools.EndToEndLatency \
    --bootstrap-server "$ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS" --topic bench.e2e --num-records "$2" --producer-acks all --record-size "$1" 2>&1)
  echo "$out" >>"$W/e2e.log"
  echo "BENCH avg_ms=$(sed -nE 's/^Avg latency: ([0-9.]+).*/\1/p' <<<"$out") p50_ms=$(sed -nE 's/^Percentiles: 50th = ([0-9]+).*/\1/p' <<<"$out") p99_ms=$(sed -nE 's/.*99th = ([0-9]+).*/\1/p' <<<"$out")"
}
# The floor: what the steps no design can skip cost on this machine, measured with stock clients in the same rounds.
# commit: one-row INSERT transactions, pgbench, 1 client (the fsync every accepted or finished job pays);
# s3 put/get: 1 KB signed PUT and GET, one curl reusing its connection (median of the per-transfer times).
psqlq -c "create table if not exists bench_commit (id bigserial primary key, at timestamptz not null)"
floor_parts() { # -> "BENCH commit_ms=.. s3put_ms=.. s3get_ms=.."
  local f=$W/floor.1k sha urls=() gets=() i commit put get
  head -c 1024 /dev/urandom >"$f"
  sha=$(sha256sum "$f" | cut -d' ' -f1)
  rm -f "$W"/pgc.*
  pgbench -n -c 1 -T 3 -f benchmarks/pgbench-commit.sql -l --log-prefix="$W/pgc" >>"$W/pgbench.log" 2>&1
  commit=$(cat "$W"/pgc.* | awk '{ print $3 / 1000 }' | median)
  for i in $(seq 1 40); do urls+=(-T "$f" "$ARTIFACTS_S3_ENDPOINT/$ARTIFACTS_S3_BUCKET/bench-floor/$i"); gets+=(-o /dev/null "$ARTIFACTS_S3_ENDPOINT/$ARTIFACTS_S3_BUCKET/bench-floor/$i"); done
  put=$(curl -fsS --aws-sigv4 "aws:amz:$ARTIFACTS_S3_REGION:s3" --user "$ARTIFACTS_S3_ACCESS_KEY:$ARTIFACTS_S3_SECRET_KEY" \
    -H "x-amz-content-sha256: $sha" -w '%{time_total}\n' -o /dev/null "${urls[@]}" | awk '{ print $1 * 1000 }' | median)
  get=$(curl -fsS --aws-sigv4 "aws:amz:$ARTIFACTS_S3_REGION:s3" --user "$ARTIFACTS_S3_ACCESS_KEY:$ARTIFACTS_S3_SECRET_KEY" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" -w '%{time_total}\n' "${gets[@]}" | awk '{ print $1 * 1000 }' | median)
  echo "BENCH commit_ms=$commit s3put_ms=$put s3get_ms=$get"
}
# one request by hand first: it creates the events topic (the client reads it from its end) and proves the pipeline
warm=$(curl -fsS -X POST "$API/v1/spaces/$SPACE/artifacts/generate" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
  -d '{"name": "warm-up.txt", "type": "text", "content": "aGVsbG8sIGJlbmNo"}')
art=$(sed -nE 's/.*"artifact":\{"id":"([0-9a-f-]+)".*/\1/p' <<<"$warm")
[[ -n $art ]] || die "generate answered: $warm"
deadline=$((SECONDS + 120))
until curl -fsS -H "X-API-Key: $KEY" "$API/v1/spaces/$SPACE/artifacts/$art" | grep -q '"status":"ready"'; do
  ((SECONDS < deadline)) || die "the warm-up artifact $art was not ready after 120 s; see $W/worker.log"
  sleep 0.2
done
# warm-up: loads the worker's code paths, JIT
gen --size 1024 --users 4 --seconds "$GEN_WARMUP" --wait >/dev/null
gen --size 1048576 --users 2 --seconds "$((GEN_WARMUP / 3))" --wait >/dev/null
e2e 1024 200 >/dev/null
: >"$W/gen-windows.1024"
: >"$W/gen-windows.1048576"
for ((r = 1; r <= ROUNDS; r++)); do
  for size in 1024 1048576; do
    nrec=1000 nreq=60
    ((size > 1024)) && nrec=200 nreq=25
    k=$(e2e $((size > 1024 ? 1000000 : 1024)) "$nrec")
    t0=$(psqlq -c "select now()")
    g=$(gen --size "$size" --users 1 --wait --requests "$nreq" --seconds 60)
    printf "('%s','%s')\n" "$t0" "$(psqlq -c "select now()")" >>"$W/gen-windows.$size"
    rec "gen.low.$size.gen.p50" "$(kv "$g" e2e_p50_ms)"
    rec "gen.low.$size.gen.p99" "$(kv "$g" e2e_p99_ms)"
    rec "gen.low.$size.kafka.p50" "$(kv "$k" p50_ms)"
    rec "gen.low.$size.kafka.p99" "$(kv "$k" p99_ms)"
    if ((size == 1024)); then
      fl=$(floor_parts)
      rec gen.floor.commit "$(kv "$fl" commit_ms)"
      rec gen.floor.s3put "$(kv "$fl" s3put_ms)"
      rec gen.floor.s3get "$(kv "$fl" s3get_ms)"
      step "round $r, floor parts: commit $(kv "$fl" commit_ms) ms, S3 1 KB PUT $(kv "$fl" s3put_ms) ms, GET $(kv "$fl" s3get_ms) ms (p50)"
    fi
    step "round $r, $size B, low load (1 user, $nreq jobs): POST->succeeded p50 $(kv "$g" e2e_p50_ms) ms p99 $(kv "$g" e2e_p99_ms) ms (POST p50 $(kv "$g" post_p50_ms) ms); Kafka EndToEndLatency p50 $(kv "$k" p50_ms) ms p99 $(kv "$k" p99_ms) ms"
    [[ $(kv "$g" errors) == 0 && $(kv "$g" failed_jobs) == 0 && $(kv "$g" unfinished) == 0 ]] || step "WARNING: $g"
  done
done
# where the time goes, from the database's timestamps (benchmarks/pipeline-steps.sql), per size
for size in 1024 1048576; do
  psqlq -F $'\t' -v windows="$(paste -sd, "$W/gen-windows.$size")" -f benchmarks/pipeline-steps.sql >"$W/gen-steps.$size.tsv"
  while IFS=$'\t' read -r name n p50 p90; do
    rec "gen.steps.$size.$name.p50" "$p50"; rec "gen.steps.$size.$name.p90" "$p90"; rec "gen.steps.$size.$name.n" "$n"
  done <"$W/gen-steps.$size.tsv"
done
# what the two processes spend with no load (pollers, consumers, timers): the part of the CPU per job below that does
# not depend on the jobs
a0=$(cpu_ticks "$API_PID") w0=$(cpu_ticks "$WORKER_PID") m0=$(now_ms)
sleep 3
rec gen.idle.api_cpu_ticks $(($(cpu_ticks "$API_PID") - a0))
rec gen.idle.worker_cpu_ticks $(($(cpu_ticks "$WORKER_PID") - w0))
rec gen.idle.ms $(($(now_ms) - m0))
for size in 1024 1048576; do
  for users in 1 4 16; do
    a0=$(cpu_ticks "$API_PID") w0=$(cpu_ticks "$WORKER_PID") m0=$(now_ms)
    g=$(gen --size "$size" --users "$users" --wait --seconds "$GEN_SECS")
    a1=$(cpu_ticks "$API_PID") w1=$(cpu_ticks "$WORKER_PID") m1=$(now_ms)
    rec "gen.load.$size.$users.jobs_per_s" "$(kv "$g" completed_per_s)"
    rec "gen.load.$size.$users.e2e_p50" "$(kv "$g" e2e_p50_ms)"
    rec "gen.load.$size.$users.e2e_p99" "$(kv "$g" e2e_p99_ms)"
    rec "gen.load.$size.$users.post_p50" "$(kv "$g" post_p50_ms)"
    rec "gen.load.$size.$users.post_p99" "$(kv "$g" post_p99_ms)"
    # the CPU of each process over the point (the load client's start and the run; with --wait every job has
    # finished when it exits), for CPU per POST (the API) and per job (the worker)
    rec "gen.load.$size.$users.api_cpu_ticks" $((a1 - a0))
    rec "gen.load.$size.$users.worker_cpu_ticks" $((w1 - w0))
    rec "gen.load.$size.$users.posts" "$(kv "$g" accepted)"
    rec "gen.load.$size.$users.succeeded" "$(kv "$g" succeeded)"
    rec "gen.load.$size.$users.wall_ms" $((m1 - m0))
    step "$size B, $users users (closed loop to job.succeeded): $(kv "$g" completed_per_s) jobs/s, POST->succeeded p50 $(kv "$g" e2e_p50_ms) ms p99 $(kv "$g" e2e_p99_ms) ms; $((a1 - a0)) API and $((w1 - w0)) worker CPU ticks for $(kv "$g" accepted) POSTs, $(kv "$g" succeeded) jobs succeeded"
    [[ $(kv "$g" errors) == 0 && $(kv "$g" failed_jobs) == 0 && $(kv "$g" unfinished) == 0 ]] || step "WARNING: $g"
  done
done
