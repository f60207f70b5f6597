# shellcheck shell=bash
# Scenario 2, list at depth: page 1 and the deep page (limit=100) of the seeded space, without and with each filter,
# through the API (wrk -c1) against the repository's query with OFFSET straight on PostgreSQL (pgbench -c1).
# Sourced by ./bench.

say "scenario 2: list at depth (limit=100), keyset through the API (wrk, 1 connection) vs OFFSET on PostgreSQL (pgbench), ${LIST_SECS} s per point"
fingerprint() { printf 'thread=%s&type=%s&status=%s' "$1" "$2" "$3" | sha256sum | cut -c1-16; }
b64url() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
# list_sql VARIANT: the service's query (PanacheArtifactRepository.search) without the keyset predicate
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
    none) echo "" ;; thread) echo "thread_id=bench-thread" ;; type) echo "document_type=document" ;; status) echo "status=ready" ;;
  esac
}
list_fp() {
  case $1 in
    none) fingerprint '' '' '' ;; thread) fingerprint bench-thread '' '' ;; type) fingerprint '' document '' ;; status) fingerprint '' '' ready ;;
  esac
}
# list_path VARIANT PAGE: the API path of that page (the cursor is what page-1 would have handed out)
list_path() {
  local v=$1 page=$2 q cursor row
  q=$(list_query "$v")
  if ((page == 1)); then
    echo "/v1/spaces/$SPACE/artifacts?limit=100${q:+&$q}"
    return
  fi
  row=$(psqlq -c "select to_char(x.created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '|' || x.id
                    from ($(list_sql "$v" | sed -E 's/^select a\.\*/select a.created_at, a.id/') offset $(((page - 1) * 100 - 1)) limit 1) x")
  [[ -n $row ]] || die "no row for page $page of $v (seed too small?)"
  cursor=$(b64url "v1|$row|$(list_fp "$v")")
  echo "/v1/spaces/$SPACE/artifacts?limit=100${q:+&$q}&cursor=$cursor"
}
max_page=$(((N + 99) / 100))
deep=$((max_page < 10000 ? max_page : 10000))
rec list.deep_page "$deep"
wrk_run 4 "$((WARMUP / 2))" "$(list_path none 1)" >/dev/null   # warm-up
for v in none thread type status; do
  pages="1 $deep"
  [[ $v == none ]] && pages=$(for p in 1 10 100 1000 10000 "$deep"; do if ((p <= deep)); then echo "$p"; fi; done | sort -un | tr '\n' ' ')
  for page in $pages; do
    path=$(list_path "$v" "$page")
    curl -fsS -H "X-API-Key: $KEY" "$API$path" | grep -q '"data":\[{' || die "list $v page $page: empty or failed ($API$path)"
    a=$(wrk_run 1 "$LIST_SECS" "$path")
    printf '%s\n' "$(list_sql "$v") limit 101 offset $(((page - 1) * 100));" >"$W/offset.sql"
    b=$(pgbench_run 1 "$LIST_SECS" "$W/offset.sql")
    rec "list.$v.$page.api.p50" "$(kv "$a" p50_ms)"
    rec "list.$v.$page.api.p99" "$(kv "$a" p99_ms)"
    rec "list.$v.$page.offset.p50" "$(kv "$b" p50_ms)"
    rec "list.$v.$page.offset.p99" "$(kv "$b" p99_ms)"
    step "$v, page $page: API p50 $(kv "$a" p50_ms) ms p99 $(kv "$a" p99_ms) ms; OFFSET p50 $(kv "$b" p50_ms) ms p99 $(kv "$b" p99_ms) ms"
  done
done
