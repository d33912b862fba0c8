-- Shared by the bench's wrk scripts: counts failed answers per thread by kind (the gateway answers
-- 503 LEDGER_BUSY when MVCC retries are exhausted, 504 LEDGER_TIMEOUT on a timeout) and, at the
-- end, prints one JSON line ("WRK {...}") with the figures bench/.../WrkRun reads. A script passes
-- `accept(status, body)`, which says which answers count as success, to report.install().
local report = {}
local threads = {}

function report.install(accept)
  function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_no", #threads)
  end

  -- per thread (each has its own Lua state); done() collects them through thread:get
  busy = 0
  timed_out = 0
  failed = 0

  function response(status, headers, body)
    if status == 503 then
      busy = busy + 1
    elseif status == 504 then
      timed_out = timed_out + 1
    elseif not accept(status, body) then
      failed = failed + 1
    end
  end

  function done(summary, latency, requests)
    local total = { busy = 0, timed_out = 0, failed = 0 }
    for _, t in ipairs(threads) do
      for kind, n in pairs(total) do
        total[kind] = n + t:get(kind)
      end
    end
    local e = summary.errors
    io.write(string.format(
      'WRK {"requests":%d,"micros":%d,"p50":%d,"p95":%d,"p99":%d,"busy":%d,"timed_out":%d,"failed":%d,'
        .. '"socket":%d,"timeout":%d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
      total.busy, total.timed_out, total.failed, e.connect + e.read + e.write, e.timeout))
  end
end

return report
