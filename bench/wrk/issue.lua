-- wrk script for single issuance through the gateway API: every request issues a new outcome
-- (localId unique per run, thread and request) for one of the learners in LEARNERS
-- (comma-separated), as the registrar whose token is in TOKEN. An answer other than 201 counts as
-- a failure. At the end it prints one JSON line with the figures the bench records.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local learners = {}
for learner in string.gmatch(os.getenv("LEARNERS"), "[^,]+") do
  table.insert(learners, learner)
end
local run = os.getenv("RUN")
local evidence = string.rep("f", 64)
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads)
end

-- per thread (each has its own Lua state): a request counter and the failures
sent = 0
failed = 0

function request()
  sent = sent + 1
  local body = string.format(
    '{"achievementCode":"CNC%d","achievementTitle":"数控车床编程","activityEnd":"2026-07-01",'
      .. '"activityStart":"2026-03-01","credits":2,"evidenceHash":"%s","kind":"COURSE","learner":"%s",'
      .. '"localId":"W-%s-%d-%d","result":{"scale":"PERCENTAGE","value":"80"}}',
    sent % 50, evidence, learners[sent % #learners + 1], run, thread_no, sent)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 201 then
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
