# shellcheck shell=bash
# Scenario 2, list at depth: page 1 and the deep page (limit=100) of the seeded space, without and with each filter,
# through the API (wrk -c1), with the API's CPU per request, against the repository's query with OFFSET straight on
# PostgreSQL (pgbench -c1). Sourced by ./bench.

say "scenario 2: list at depth (limit=100), keyset through the API (wrk, 1 connection) vs OFFSET on PostgreSQL (pgbench), ${LIST_SECS} s per point"
# list_sql VARIANT: the service's query (PanacheArtifactRepository.search) without the keyset predicate: the baseline
list_sql() {
  case $1 in
    none)   echo "select a.* from artifacts a where a.space_id = '$SPACE' order by a.created_at desc, a.id desc" ;;
    thread) echo "select a.* from artifact_threads t join artifacts a on a.id = t.artifact_id where t.space_id = '$SPACE' and t.thread_id = 'bench-thread' order by t.created_at desc, t.artifact_id desc" ;;
    type)   echo "select a.* from artifacts a where a.space_id = '$SPACE' and a.document_type = 'document' order by a.created_at desc, a.id desc" ;;
    status) echo "select a.* from artifacts a where a.space_id = '$SPACE' and a.status = 'ready' order by a.created_at desc, a.id desc" ;;
  esac
}
list_query() {
  case $1 in
    none) echo "" ;; thread) echo "?thread_id=bench-thread" ;; type) echo "?document_type=document" ;; status) echo "?status=ready" ;;
  esac
}
max_page=$(((N + 99) / 100))
deep=$((max_page < 10000 ? max_page : 10000))
rec list.deep_page "$deep"
declare -A pages=()
for v in none thread type status; do
  pages[$v]="1 $deep"
  [[ $v == none ]] && pages[$v]=$(for p in 1 10 100 1000 10000 "$deep"; do if ((p <= deep)); then echo "$p"; fi; done | sort -un | tr '\n' ' ')
done

# The cursor of page p is the one the API hands out after row (p - 1) * 100: benchmarks/WalkPages.java reads each
# list from page 1 and passes next_cursor back, as a client does (the API's largest page, 100 rows, per request).
WALK_LIMIT=100   # ListArtifactsQuery.MAX_LIMIT
walks=()
for v in none thread type status; do
  rows=$(for p in ${pages[$v]}; do if ((p > 1)); then echo $(((p - 1) * 100)); fi; done | paste -sd,)
  [[ -z $rows ]] || walks+=(--walk "$v" "/v1/spaces/$SPACE/artifacts$(list_query "$v")" "$rows")
done
declare -A cursor=()
if ((${#walks[@]})); then
  step "walking the lists to their deep pages through the API ($((${#walks[@]} / 4)) walks side by side, next_cursor from page 1)"
  t0=$(now_ms)
  "$JAVA" benchmarks/WalkPages.java --api "$API" --key "$KEY" --max-limit "$WALK_LIMIT" "${walks[@]}" >"$W/walk.txt" \
    || die "walking the lists failed"
  while read -r line; do
    v=$(kv "$line" walk) row=$(kv "$line" row)
    cursor[$v.$row]=$(kv "$line" cursor)
    if ((row == (deep - 1) * 100)); then rec "list.$v.walk.requests" "$(kv "$line" requests)"; fi
    step "$v: the cursor after row $row took $(kv "$line" requests) requests"
  done <"$W/walk.txt"
  rec list.walk.limit "$WALK_LIMIT"
  step "walked in $((($(now_ms) - t0) / 1000)) s"
fi
# list_path VARIANT PAGE: the API path of that page, with the cursor the walk got
list_path() {
  local q row=$((($2 - 1) * 100))
  q=$(list_query "$1")
  q=${q:+&${q#\?}}
  if ((row == 0)); then
    echo "/v1/spaces/$SPACE/artifacts?limit=100$q"
  else
    [[ -n ${cursor[$1.$row]:-} ]] || die "no cursor after row $row of $1"
    echo "/v1/spaces/$SPACE/artifacts?limit=100$q&cursor=${cursor[$1.$row]}"
  fi
}

wrk_run 4 "$((WARMUP / 2))" "$(list_path none 1)" >/dev/null   # warm-up
for v in none thread type status; do
  for page in ${pages[$v]}; do
    path=$(list_path "$v" "$page")
    # the page the API serves must start at the row OFFSET skips to, or the two sides would not read the same page
    first=$(curl -fsS -H "X-API-Key: $KEY" "$API$path" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4) || true
    expected=$(psqlq -c "select x.id from ($(list_sql "$v" | sed -E 's/^select a\.\*/select a.id/') offset $(((page - 1) * 100)) limit 1) x")
    [[ -n $first && $first == "$expected" ]] || die "list $v page $page starts at '$first', OFFSET at '$expected' ($API$path)"
    t0=$(cpu_ticks "$API_PID")
    a=$(wrk_run 1 "$LIST_SECS" "$path")
    ticks=$(($(cpu_ticks "$API_PID") - t0))
    printf '%s\n' "$(list_sql "$v") limit 101 offset $(((page - 1) * 100));" >"$W/offset.sql"
    b=$(pgbench_run 1 "$LIST_SECS" "$W/offset.sql")
    rec "list.$v.$page.api.p50" "$(kv "$a" p50_ms)"
    rec "list.$v.$page.api.p99" "$(kv "$a" p99_ms)"
    rec "list.$v.$page.api.cpu_ticks" "$ticks"
    rec "list.$v.$page.api.requests" "$(kv "$a" requests)"
    rec "list.$v.$page.offset.p50" "$(kv "$b" p50_ms)"
    rec "list.$v.$page.offset.p99" "$(kv "$b" p99_ms)"
    step "$v, page $page: API p50 $(kv "$a" p50_ms) ms p99 $(kv "$a" p99_ms) ms ($ticks API CPU ticks for $(kv "$a" requests) requests); OFFSET p50 $(kv "$b" p50_ms) ms p99 $(kv "$b" p99_ms) ms"
  done
done
