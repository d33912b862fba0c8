-- wrk script for the public verify endpoint: every request asks the same question (the body is
-- passed in VERIFY_BODY); an answer that is not HTTP 200 with verdict VALID counts as a failure.
-- At the end it prints one JSON line with the figures the bench records.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("VERIFY_BODY")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- runs in each thread's own Lua state; done() collects the counts through thread:get
failed = 0

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"verdict":"VALID"', 1, true) then
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
