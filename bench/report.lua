-- wrk script of `make bench`: takes the request paths in turn from a file (one per line, its
-- name given after `--`), so that a scenario measures several URLs rather than one cached
-- answer; counts non-2xx answers (wrk itself counts only >= 400); prints one JSON line that
-- bench/run.py reads. Latencies are in microseconds.
local threads = {}
local paths = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  if args[1] then
    for line in io.lines(args[1]) do
      if #line > 0 then
        table.insert(paths, line)
      end
    end
  end
  if #paths == 0 then
    table.insert(paths, wrk.path)
  end
end

function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter - 1) % #paths + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "non2xx": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"timeout": %d, "status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, bad, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status))
end
