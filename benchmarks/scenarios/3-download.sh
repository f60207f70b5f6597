# shellcheck shell=bash
# Scenario 3, download: /download of objects of each size in DOWNLOAD_SIZES (curl) against a SigV4-signed GET of the
# same object straight from s3proxy (curl), alternating; the CPU of both processes and the API's peak RSS.
# Sourced by ./bench.

say "scenario 3: download, GET /download vs a signed GET of the same object straight from s3proxy (curl for both)"
S3=$ARTIFACTS_S3_ENDPOINT/$ARTIFACTS_S3_BUCKET
EMPTY_SHA=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
s3curl() { curl -fsS --aws-sigv4 "aws:amz:$ARTIFACTS_S3_REGION:s3" --user "$ARTIFACTS_S3_ACCESS_KEY:$ARTIFACTS_S3_SECRET_KEY" "$@"; }
to_bytes() { numfmt --from=iec "$1"; }
S3_PID=$(cat "$STACK_DIR/s3/pid")
# s3_put FILE KEY SHA256 BYTES: one signed PUT up to 64 MiB (s3proxy refuses single unchunked PUTs above 128 MiB),
# else a multipart upload of 64 MiB parts, all through the S3 API
s3_put() {
  local f=$1 key=$2 sha=$3 bytes=$4 uid n=0 part psha etag xml
  if ((bytes <= 64 * 1024 * 1024)); then
    s3curl -o /dev/null -X PUT -T "$f" -H "x-amz-content-sha256: $sha" "$S3/$key"
    return
  fi
  uid=$(s3curl -X POST -H "x-amz-content-sha256: $EMPTY_SHA" "$S3/$key?uploads=" | sed -nE 's#.*<UploadId>([^<]+)</UploadId>.*#\1#p')
  [[ -n $uid ]] || die "multipart upload of $key: no UploadId"
  uid=$(sed -e 's/%/%25/g' -e 's/+/%2B/g' -e 's#/#%2F#g' -e 's/=/%3D/g' <<<"$uid")   # URL-encode (s3proxy's are UUIDs)
  (cd "$W" && split -b 64M -d -a 4 "$f" "$f.part.")
  rm -f "$f.etags"
  for part in "$f".part.*; do
    n=$((n + 1))
    psha=$(sha256sum "$part" | cut -d' ' -f1)
    etag=$(s3curl -D - -o /dev/null -X PUT -T "$part" -H "x-amz-content-sha256: $psha" "$S3/$key?partNumber=$n&uploadId=$uid" \
      | tr -d '\r' | sed -nE 's/^[Ee][Tt][Aa][Gg]: *(.*)$/\1/p')
    printf '<Part><PartNumber>%d</PartNumber><ETag>%s</ETag></Part>' "$n" "$etag" >>"$f.etags"
    rm -f "$part"
  done
  xml="<CompleteMultipartUpload>$(cat "$f.etags")</CompleteMultipartUpload>"
  s3curl -o /dev/null -X POST -H "x-amz-content-sha256: $(printf '%s' "$xml" | sha256sum | cut -d' ' -f1)" \
    -H 'Content-Type: application/xml' --data-binary "$xml" "$S3/$key?uploadId=$uid"
  rm -f "$f.etags"
}
i=0
for size in $DOWNLOAD_SIZES; do
  i=$((i + 1))
  bytes=$(to_bytes "$size")
  id=$(printf '01900000-0000-7000-9000-%012x' "$i")
  okey=spaces/$SPACE/artifacts/$id/content
  f=$W/object-$size
  step "$size: creating and storing the object ($bytes bytes)"
  head -c "$bytes" /dev/urandom >"$f"
  sha=$(sha256sum "$f" | cut -d' ' -f1)
  s3_put "$f" "$okey" "$sha" "$bytes"
  rm -f "$f"
  psqlq >/dev/null <<SQL
delete from artifacts where id = '$id';
insert into artifacts (id, space_id, name, document_type, status, media_type, size_bytes, sha256, metadata, created_at, updated_at, version)
values ('$id', '$SPACE', 'bench-download-$size.bin', 'data', 'ready', 'application/octet-stream', $bytes, '$sha', '{}', now(), now(), 1);
SQL
  rec "download.$size.bytes" "$bytes"
  reps=20
  ((bytes >= 50 * 1024 * 1024)) && reps=3
  ((bytes >= 512 * 1024 * 1024)) && reps=2
  rss_before=$(rss_mb "$API_PID")
  echo 5 >"/proc/$API_PID/clear_refs" 2>/dev/null || true   # resets VmHWM: the peak below is this download's
  for ((r = 1; r <= reps; r++)); do
    t0=$(cpu_ticks "$API_PID") s0=$(cpu_ticks "$S3_PID")
    a=$(curl -fsS -o /dev/null -H "X-API-Key: $KEY" -w '%{speed_download} %{size_download} %{http_code}' "$API/v1/spaces/$SPACE/artifacts/$id/download")
    t1=$(cpu_ticks "$API_PID") s1=$(cpu_ticks "$S3_PID")
    b=$(s3curl -o /dev/null -H "x-amz-content-sha256: $EMPTY_SHA" -w '%{speed_download} %{size_download} %{http_code}' "$S3/$okey")
    s2=$(cpu_ticks "$S3_PID")
    [[ ${a#* } == "$bytes 200" && ${b#* } == "$bytes 200" ]] || die "download $size: API '$a', direct '$b'"
    # per pair: bytes per second of each side, and the CPU ticks of the API (API path), s3proxy (API path), s3proxy (direct)
    rec "download.$size.api_bps" "${a%% *}"
    rec "download.$size.direct_bps" "${b%% *}"
    rec "download.$size.api_cpu_ticks" $((t1 - t0))
    rec "download.$size.s3_cpu_api_ticks" $((s1 - s0))
    rec "download.$size.s3_cpu_direct_ticks" $((s2 - s1))
  done
  peak=$(hwm_mb "$API_PID")
  rec "download.$size.rss_before" "$rss_before"
  rec "download.$size.rss_peak" "$peak"
  rec "download.$size.reps" "$reps"
  step "$size ($reps interleaved pairs; the last: API $(numfmt --to=iec "${a%% *}")B/s, direct $(numfmt --to=iec "${b%% *}")B/s); API RSS $rss_before MB -> peak $peak MB"
  s3curl -o /dev/null -X DELETE -H "x-amz-content-sha256: $EMPTY_SHA" "$S3/$okey" || true
done
