# shellcheck shell=bash
# Scenario 1, metadata read: GET /artifacts/{id} of random seeded artifacts (wrk, 16 and 64 connections) and the
# API's CPU per request, against pgbench selecting by primary key with as many clients; GET /q/health/live (no
# database work) at 16 connections as the ceiling. ROUNDS interleaved rounds of SECS seconds. Sourced by ./bench.

say "scenario 1: metadata read, GET /artifacts/{id} (wrk) vs pgbench select by primary key, $ROUNDS interleaved rounds of ${SECS} s"
wrk_run 16 "$WARMUP" >/dev/null   # warm-up (JIT, connection pools)
wrk_run 16 "$((WARMUP / 2))" /q/health/live >/dev/null   # warm-up of the ceiling's route (its code is JIT-compiled too)
pgbench_run 16 2 "$ROOT/benchmarks/pgbench-pk.sql" -D n="$N" >/dev/null
for ((r = 1; r <= ROUNDS; r++)); do
  for c in 16 64; do
    t0=$(cpu_ticks "$API_PID")
    a=$(wrk_run "$c" "$SECS")
    ticks=$(($(cpu_ticks "$API_PID") - t0))
    b=$(pgbench_run "$c" "$SECS" "$ROOT/benchmarks/pgbench-pk.sql" -D n="$N")
    rec_wrk "meta.api.c$c" "$a" "$ticks"
    rec_bench "meta.pg.c$c" "$b"
    step "round $r, $c connections: API $(kv "$a" rps) req/s (p50 $(kv "$a" p50_ms) ms, p99 $(kv "$a" p99_ms) ms, $ticks API CPU ticks for $(kv "$a" requests) requests); pgbench $(kv "$b" rps) tps (p50 $(kv "$b" p50_ms) ms, p99 $(kv "$b" p99_ms) ms)"
    if ((c == 16)); then
      # the ceiling: the same API process on a route without database work (no key, no limiter, no SQL)
      t0=$(cpu_ticks "$API_PID")
      h=$(wrk_run 16 "$SECS" /q/health/live)
      ticks=$(($(cpu_ticks "$API_PID") - t0))
      rec_wrk meta.ceiling.c16 "$h" "$ticks"
      step "round $r, 16 connections, GET /q/health/live (no database): $(kv "$h" rps) req/s (p50 $(kv "$h" p50_ms) ms, $ticks API CPU ticks for $(kv "$h" requests) requests)"
    fi
  done
done
