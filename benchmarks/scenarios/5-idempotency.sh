# shellcheck shell=bash
# Scenario 5, idempotency: generate POST/s with a fresh Idempotency-Key on every request against the same without a
# key. Runs after scenario 4 (its gen() and its warm-up of the path without a key). Sourced by ./bench.

say "scenario 5: idempotency overhead, generate 1 KB with and without Idempotency-Key (8 users, POST rate; each run drained before the next)"
# the path without a key is warm from scenario 4; warm the key's path (its reservation) the same way before measuring
gen --size 1024 --users 8 --seconds 3 --idempotency >/dev/null
for ((r = 1; r <= ROUNDS; r++)); do
  for mode in plain key; do
    extra=()
    if [[ $mode == key ]]; then extra=(--idempotency); fi
    g=$(gen --size 1024 --users 8 --seconds "$GEN_SECS" "${extra[@]}")
    rec "idem.$mode.rps" "$(kv "$g" post_rps)"
    rec "idem.$mode.p50" "$(kv "$g" post_p50_ms)"
    rec "idem.$mode.p99" "$(kv "$g" post_p99_ms)"
    rec "idem.$mode.completed" "$(kv "$g" completed_per_s)"
    step "round $r, $mode: $(kv "$g" post_rps) POST/s (p50 $(kv "$g" post_p50_ms) ms, p99 $(kv "$g" post_p99_ms) ms), drained in $(kv "$g" drain_seconds) s"
    [[ $(kv "$g" errors) == 0 && $(kv "$g" failed_jobs) == 0 && $(kv "$g" unfinished) == 0 ]] || step "WARNING: $g"
  done
done
