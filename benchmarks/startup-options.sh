#!/usr/bin/env bash
# Compares JVM option sets for start-up and idle footprint (benchmarks/analysis.md, "Round two", item 6):
# starts the API and then the worker with each set in turn, ROUNDS times, alternating the sets, against the bench
# stack (started here, stopped at the end), and prints for each start the time until /q/health/ready answers 200
# (polled every 50 ms), the process's CPU ticks at that moment (/proc/<pid>/stat, user + system) and its RSS one
# second later. Build first (./mvnw package -DskipTests); not part of ./bench, which measures one set (scenario 6).
#
#   benchmarks/startup-options.sh '-Xmx256m' '-Xms32m -Xmx256m -XX:+UseSerialGC' ...
#   ROUNDS=3 (default); an option set may start with ENV=VALUE words (e.g. 'MALLOC_ARENA_MAX=2 -Xmx256m').
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export STACK_PROFILE=bench STACK_DIR=${STACK_DIR:-$PWD/.stack/bench}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
deploy/local/stack up >/dev/null
trap 'deploy/local/stack down >/dev/null' EXIT
eval "$(deploy/local/stack env)"
export ARTIFACTS_BOOTSTRAP_SPACE_ID=0192f3a4-7b1c-7d2e-8f30-0000000be4c4
export ARTIFACTS_BOOTSTRAP_API_KEY=ak_bench_0123456789abcdef0123456789abcdef
log=$STACK_DIR/work/startup-options.log
mkdir -p "$(dirname "$log")"

start() { # JAR PORT-VARIABLE PORT WORDS... -> "ready_ms=… cpu_ticks=… rss_mb=…"
  local jar=$1 var=$2 port=$3 env=() opts=() w pid t0 ready ticks
  shift 3
  for w in "$@"; do if [[ $w == *=* && $w != -* ]]; then env+=("$w"); else opts+=("$w"); fi; done
  t0=$(date +%s%N)
  env "${env[@]}" "$var=$port" "$JAVA" "${opts[@]}" -jar "$jar" >>"$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "exited; see $log" >&2; return 1; }
    sleep 0.05
  done
  ready=$((($(date +%s%N) - t0) / 1000000))
  ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  sleep 1
  echo "ready_ms=$ready cpu_ticks=$ticks rss_mb=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

for ((r = 1; r <= ${ROUNDS:-3}; r++)); do
  for set in "$@"; do
    read -ra words <<<"$set"
    echo "round $r [$set] api    $(start adapters-rest/target/quarkus-app/quarkus-run.jar ARTIFACTS_HTTP_PORT 18080 "${words[@]}")"
    echo "round $r [$set] worker $(start worker/target/quarkus-app/quarkus-run.jar ARTIFACTS_WORKER_HTTP_PORT 18081 "${words[@]}")"
  done
done
