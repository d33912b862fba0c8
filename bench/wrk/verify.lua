-- wrk script for the public verify endpoint: every request asks the same question (the body is
-- passed in VERIFY_BODY); an answer that is not HTTP 200 with verdict VALID counts as a failure.
package.path = "bench/wrk/?.lua;" .. package.path
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("VERIFY_BODY")

require("report").install(function(status, body)
  return status == 200 and string.find(body, '"verdict":"VALID"', 1, true) ~= nil
end)
