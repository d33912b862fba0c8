-- Shared by the bench's wrk scripts: counts failed answers per thread and, at the end, prints one
-- JSON line ("WRK {...}") with the figures bench/.../WrkRun reads. A script sets `accept(status,
-- body)` to say which answers count as success, then calls report.install().
local report = {}
local threads = {}

function report.install(accept)
  function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_no", #threads)
  end

  -- per thread (each has its own Lua state); done() collects them through thread:get
  failed = 0

  function response(status, headers, body)
    if not accept(status, body) then
      failed = failed + 1
    end
  end

  function done(summary, latency, requests)
    local failed_total = 0
    for _, t in ipairs(threads) do
      failed_total = failed_total + t:get("failed")
    end
    local e = summary.errors
    io.write(string.format(
      'WRK {"requests":%d,"micros":%d,"p50":%d,"p95":%d,"p99":%d,"failed":%d,"socket":%d,"timeout":%d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
      failed_total, e.connect + e.read + e.write, e.timeout))
  end
end

return report
