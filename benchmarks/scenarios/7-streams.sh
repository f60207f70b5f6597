# shellcheck shell=bash
# Scenario 7, event streams (GET /v1/spaces/{space}/events, Server-Sent Events), with benchmarks/EventStreams.java:
# STREAMS idle streams of one space held open STREAM_SECS seconds, with the API's RSS before, with them open and after,
# and its CPU while opening and while holding them; then, with one stream open, STREAM_EVENTS generate jobs one at a
# time and the time from each job.succeeded committed to its arrival on the stream, against its arrival on the Kafka
# events topic (and Kafka's own produce→consume of the same records). Sourced by ./bench.

say "scenario 7: event streams, $STREAMS idle streams for ${STREAM_SECS} s, then job.succeeded committed → arrival on a stream vs on Kafka ($STREAM_EVENTS jobs)"
mkdir -p "$W/classes"
"$JAVAC" -nowarn -d "$W/classes" -cp "$KAFKA_LIB/*" benchmarks/EventStreams.java
rec streams.requested "$STREAMS"
rec streams.hold_seconds "$STREAM_SECS"
rec streams.poll_interval "${ARTIFACTS_EVENTS_POLL_INTERVAL:-200ms}"

# --- idle streams. One client JVM holds every socket: it needs as many open files (the API's JVM raises its own
# soft limit to the hard one at start; checked here).
need_fds=$((STREAMS + 512))
api_fds=$(awk '/^Max open files/ { print $4 }' "/proc/$API_PID/limits")
[[ $api_fds == unlimited ]] || ((api_fds >= need_fds)) \
  || step "WARNING: the API may open only $api_fds files, fewer than $STREAMS streams need (raise the hard limit: ulimit -Hn)"
ctl=$W/streams.close out=$W/streams-idle.txt
rm -f "$ctl"
: >"$out"
echo 5 >"/proc/$API_PID/clear_refs" 2>/dev/null || true   # resets VmHWM: the peak below is the streams'
rss_before=$(rss_mb "$API_PID")
c0=$(cpu_ticks "$API_PID")
(
  if (($(ulimit -n) < need_fds)); then ulimit -n "$need_fds" 2>/dev/null || ulimit -n "$(ulimit -Hn)"; fi
  exec "$JAVA" -Xmx512m -cp "$W/classes:$KAFKA_LIB/*" EventStreams idle --api "$API" --space "$SPACE" --key "$KEY" \
    --streams "$STREAMS" --control "$ctl"
) >"$out" 2>>"$W/streams.log" &
streams_pid=$!
deadline=$((SECONDS + 240))
until grep -q '^BENCH opened=' "$out"; do
  kill -0 "$streams_pid" 2>/dev/null || die "EventStreams idle exited before it opened the streams; see $W/streams.log"
  ((SECONDS < deadline)) || { kill "$streams_pid" 2>/dev/null || true; die "the streams were not open after 240 s"; }
  sleep 0.1
done
c1=$(cpu_ticks "$API_PID") t1=$(now_ms)
o=$(grep '^BENCH opened=' "$out")
step "opened: $o"
# the API's CPU in each half of the hold: settling after the opening burst (GC, JIT), then idle
sleep "$(awk -v s="$STREAM_SECS" 'BEGIN { print s / 2 }')"
ch=$(cpu_ticks "$API_PID") th=$(now_ms)
sleep "$(awk -v s="$STREAM_SECS" 'BEGIN { print s / 2 }')"
c2=$(cpu_ticks "$API_PID") t2=$(now_ms)
rss_open=$(rss_mb "$API_PID")
rss_peak=$(hwm_mb "$API_PID")
touch "$ctl"
wait "$streams_pid" || die "EventStreams idle failed; see $W/streams.log"
s=$(grep '^BENCH still_open=' "$out")
sleep 2
rss_after=$(rss_mb "$API_PID")
rec streams.ok "$(kv "$o" ok)"
rec streams.non200 "$(kv "$o" non200)"
rec streams.no_retry "$(kv "$o" no_retry)"
rec streams.failed "$(kv "$o" failed)"
rec streams.open_ms "$(kv "$o" open_ms)"
rec streams.still_open "$(kv "$s" still_open)"
rec streams.open_cpu_ticks $((c1 - c0))
rec streams.hold_cpu_ticks $((ch - c1))
rec streams.hold_ms $((th - t1))
rec streams.hold_cpu_ticks $((c2 - ch))
rec streams.hold_ms $((t2 - th))
rec streams.rss_before "$rss_before"
rec streams.rss_open "$rss_open"
rec streams.rss_peak "$rss_peak"
rec streams.rss_after "$rss_after"
step "$(kv "$o" ok) of $STREAMS streams answered 200 with retry: in $(kv "$o" open_ms) ms ($((c1 - c0)) API CPU ticks), $(kv "$s" still_open) still open after $(((t2 - t1) / 1000)) s ($((ch - c1)) + $((c2 - ch)) API CPU ticks in its halves); API RSS $rss_before MB -> $rss_open MB (peak $rss_peak MB), $rss_after MB after closing"
[[ $(kv "$o" ok) == "$STREAMS" && $(kv "$s" still_open) == "$STREAMS" ]] || step "WARNING: $o; $s"

# --- event latency: one stream, one job at a time; every job's job.succeeded on the stream and on Kafka
l=$W/streams-latency.txt
"$JAVA" -Xmx512m -Dlog4j2.configurationFile="$W/log4j2.xml" -cp "$W/classes:$KAFKA_LIB/*" EventStreams latency \
  --api "$API" --space "$SPACE" --key "$KEY" --bootstrap "$ARTIFACTS_KAFKA_BOOTSTRAP_SERVERS" \
  --topic artifacts.events.v1 --events "$STREAM_EVENTS" >"$l" 2>>"$W/streams.log" \
  || die "EventStreams latency failed; see $W/streams.log"
while read -r line; do
  rec streams.latency.sse_ms "$(kv "$line" sse_ms)"
  rec streams.latency.kafka_ms "$(kv "$line" kafka_ms)"
  rec streams.latency.kafka_hop_ms "$(kv "$line" kafka_hop_ms)"
done < <(grep '^SAMPLE' "$l")
b=$(grep '^BENCH' "$l")
rec streams.latency.missed "$(kv "$b" missed)"
rec streams.latency.errors "$(kv "$b" errors)"
step "$(kv "$b" samples) jobs, job.succeeded committed → arrival: stream p50 $(kv "$b" sse_p50_ms) ms p99 $(kv "$b" sse_p99_ms) ms; Kafka consumer p50 $(kv "$b" kafka_p50_ms) ms p99 $(kv "$b" kafka_p99_ms) ms (produce→consume p50 $(kv "$b" kafka_hop_p50_ms) ms p99 $(kv "$b" kafka_hop_p99_ms) ms)"
[[ $(kv "$b" missed) == 0 && $(kv "$b" errors) == 0 ]] || step "WARNING: $b"
