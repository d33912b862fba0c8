-- wrk script for single issuance through the gateway API: every request issues a new outcome
-- (localId unique per run, thread and request) for one of the learners in LEARNERS
-- (comma-separated), as the registrar whose token is in TOKEN. An answer other than 201 counts as
-- a failure.
package.path = "bench/wrk/?.lua;" .. package.path
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local learners = {}
for learner in string.gmatch(os.getenv("LEARNERS"), "[^,]+") do
  table.insert(learners, learner)
end
local run = os.getenv("RUN")
local evidence = string.rep("f", 64)
sent = 0

function request()
  sent = sent + 1
  local body = string.format(
    '{"achievementCode":"CNC%d","achievementTitle":"数控车床编程","activityEnd":"2026-07-01",'
      .. '"activityStart":"2026-03-01","credits":2,"evidenceHash":"%s","kind":"COURSE","learner":"%s",'
      .. '"localId":"W-%s-%d-%d","result":{"scale":"PERCENTAGE","value":"80"}}',
    sent % 50, evidence, learners[sent % #learners + 1], run, thread_no, sent)
  return wrk.format(nil, nil, nil, body)
end

require("report").install(function(status, body)
  return status == 201
end)
