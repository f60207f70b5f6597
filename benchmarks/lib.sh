# shellcheck shell=bash
# Helpers of ./bench and its scenarios (benchmarks/scenarios/*.sh), sourced by ./bench. They use its settings
# (API, KEY, SPACE, N, W, RESULTS, JAVA, ...), and say/step/die.

# ------------------------------------------------------------------ results

# rec KEY VALUE: one line of results.tsv. Raw values only (what one run of a tool reported, counters); a key measured
# once per round (pair, cycle) is recorded once per round, in order. benchmarks/report/RenderReport.java computes
# every statistic over them and renders the report.
rec() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS"; }
# kv LINE KEY: value of key=value in a "BENCH ..." line
kv() { sed -nE "s/.*[ ]$2=([^ ]+).*/\1/p" <<<"$1"; }
# median, pct P (nearest rank): of the numbers on stdin, for the samples of one tool run (its log)
median() { sort -g | LC_ALL=C awk '{ v[NR] = $1 } END { if (!NR) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pct() { sort -g | LC_ALL=C awk -v p="$1" '{ v[NR] = $1 } END { if (!NR) { print "nan"; exit } r = int(p / 100 * NR + 0.999999); if (r < 1) r = 1; print v[r] }'; }

# ------------------------------------------------------------------ processes

rss_mb() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# cpu_ticks PID: user + system CPU of the process so far, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
psqlq() { psql -X -qAt -v ON_ERROR_STOP=1 "$@"; }

wait_ready() { # url pid log -> prints ms since $2 was started (t0 in global T0)
  local deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { tail -n 40 "$3" >&2; die "process $2 exited; log $3"; }
    ((SECONDS < deadline)) || { tail -n 40 "$3" >&2; die "not ready after 120 s; log $3"; }
    sleep 0.05
  done
  echo $(($(now_ms) - T0))
}
start_api() {
  T0=$(now_ms)
  "$JAVA" "${API_OPTS_ARGS[@]}" -jar "$API_JAR" >>"$W/api.log" 2>&1 &
  API_PID=$!
  # shellcheck disable=SC2034  # read by scenarios/6-startup.sh
  API_READY_MS=$(wait_ready "$API/q/health/ready" "$API_PID" "$W/api.log")
  API_READY_TICKS=$(cpu_ticks "$API_PID")
}
start_worker() {
  T0=$(now_ms)
  # a smaller pool than the API's, so that API (20) + worker + 64 pgbench clients fit PostgreSQL's max_connections=100
  ARTIFACTS_DB_POOL_SIZE=10 "$JAVA" "${WORKER_OPTS_ARGS[@]}" -jar "$WORKER_JAR" >>"$W/worker.log" 2>&1 &
  WORKER_PID=$!
  # shellcheck disable=SC2034  # read by scenarios/6-startup.sh
  WORKER_READY_MS=$(wait_ready "http://127.0.0.1:$WORKER_PORT/q/health/ready" "$WORKER_PID" "$W/worker.log")
  WORKER_READY_TICKS=$(cpu_ticks "$WORKER_PID")
}
stop_pid() { kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# ------------------------------------------------------------------ load tools

# wrk_run CONNECTIONS SECONDS [PATH]: prints the BENCH line of wrk-artifacts.lua
wrk_run() {
  local c=$1 s=$2 path=${3:-} t=2
  ((c < 2)) && t=1
  BENCH_KEY=$KEY BENCH_SPACE=$SPACE BENCH_N=$N BENCH_PATH=$path \
    wrk -t"$t" -c"$c" -d"${s}s" --timeout 30s -s benchmarks/wrk-artifacts.lua "$API" 2>&1 | tee -a "$W/wrk.log" | grep '^BENCH'
}
# rec_bench PREFIX LINE: records rps, p50 and p99 of a BENCH line (wrk_run, pgbench_run) under PREFIX
rec_bench() {
  rec "$1.rps" "$(kv "$2" rps)"
  rec "$1.p50" "$(kv "$2" p50_ms)"
  rec "$1.p99" "$(kv "$2" p99_ms)"
}
# rec_wrk PREFIX LINE TICKS: rec_bench, the API's CPU ticks during the run and the requests; warns of errors
rec_wrk() {
  rec_bench "$1" "$2"
  rec "$1.cpu_ticks" "$3"
  rec "$1.requests" "$(kv "$2" requests)"
  [[ $(kv "$2" non2xx) == 0 && $(kv "$2" errors) == 0 ]] || step "WARNING: wrk saw errors: $2"
}
# pgbench_run CLIENTS SECONDS SCRIPT [extra...]: prints "BENCH rps=.. p50_ms=.. p99_ms=.."
pgbench_run() {
  local c=$1 s=$2 f=$3 j=2 out
  shift 3
  ((c < 2)) && j=1
  rm -f "$W"/pgb_log*
  out=$(cd "$W" && pgbench -n -M prepared -c "$c" -j "$j" -T "$s" -l --log-prefix=pgb_log "$@" -f "$f" 2>&1) \
    || { echo "$out" >&2; die "pgbench failed"; }
  echo "$out" >>"$W/pgbench.log"
  local tps p50 p99
  tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$out" | tail -1)
  p50=$(cat "$W"/pgb_log* | awk '{ print $3 / 1000 }' | pct 50)
  p99=$(cat "$W"/pgb_log* | awk '{ print $3 / 1000 }' | pct 99)
  echo "BENCH rps=$tps p50_ms=$p50 p99_ms=$p99"
}
