-- wrk script for ./bench. Environment:
--   BENCH_KEY    the API key (X-API-Key)
--   BENCH_PATH   a fixed path to GET (list pages), or unset for:
--   BENCH_SPACE, BENCH_N   GET /v1/spaces/{space}/artifacts/{id} of a random seeded artifact 1..n
--                          (IDs 01900000-0000-7000-8000-<i in 12 hex digits>, see seed.sql)
-- done() prints one machine-readable line: "BENCH rps=... p50_ms=... p99_ms=... requests=... errors=... non2xx=..."
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + tid * 7919)
  key = os.getenv("BENCH_KEY")
  fixed = os.getenv("BENCH_PATH")
  space = os.getenv("BENCH_SPACE")
  n = tonumber(os.getenv("BENCH_N") or "1")
  wrk.headers["X-API-Key"] = key
end

function request()
  if fixed and fixed ~= "" then
    return wrk.format("GET", fixed)
  end
  local path = string.format("/v1/spaces/%s/artifacts/01900000-0000-7000-8000-%012x", space, math.random(1, n))
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
