# shellcheck shell=bash
# Scenario 6, start-up and footprint: time to /q/health/ready and RSS of the API and the worker over STARTS cycles,
# against the same JVM doing nothing (java -version, hyperfine). Runs first: it needs fresh processes; the API and
# the worker of its last cycle serve the other scenarios. Sourced by ./bench.

say "scenario 6: start-up and footprint ($STARTS cycles; the first API start also runs the migrations)"
for ((i = 1; i <= STARTS; i++)); do
  start_api
  sleep 1
  api_rss=$(rss_mb "$API_PID")
  start_worker
  sleep 1
  worker_rss=$(rss_mb "$WORKER_PID")
  rec startup.api.ready_ms "$API_READY_MS"
  rec startup.api.rss_mb "$api_rss"
  rec startup.worker.ready_ms "$WORKER_READY_MS"
  rec startup.worker.rss_mb "$worker_rss"
  rec startup.api.cpu_ticks "$API_READY_TICKS"
  rec startup.worker.cpu_ticks "$WORKER_READY_TICKS"
  step "cycle $i: API ready in $API_READY_MS ms (RSS $api_rss MB, $API_READY_TICKS CPU ticks), worker ready in $WORKER_READY_MS ms (RSS $worker_rss MB, $WORKER_READY_TICKS CPU ticks)"
  if ((i < STARTS)); then stop_pid "$WORKER_PID"; stop_pid "$API_PID"; WORKER_PID='' API_PID=''; fi
done
# the baseline: the same JVM doing nothing (java -version), so the ratio is what Quarkus and the app add
hyperfine -N -w 1 -r 5 --export-json "$W/jvm.json" "$JAVA $API_OPTS -version" >"$W/hyperfine.log" 2>&1 \
  || hyperfine -w 1 -r 5 --export-json "$W/jvm.json" "$JAVA $API_OPTS -version" >"$W/hyperfine.log" 2>&1
jvm_s=$(sed -nE 's/.*"median": ([0-9.e-]+).*/\1/p' "$W/jvm.json" | head -1)
rec startup.jvm_s "$jvm_s"
step "JVM alone (java -version): $jvm_s s"
