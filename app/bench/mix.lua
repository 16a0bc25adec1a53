-- A request mix for wrk against the app: health, list, create, search, text statistics, in turn.
-- Each connection pauses DELAY_MS between requests, so the rate is about connections * 1000 / (DELAY_MS + latency).
local delay_ms = tonumber(os.getenv("DELAY_MS") or "10")
local counter = 0
local json = { ["Content-Type"] = "application/json" }
local words = { "dyno", "memory", "router", "quota", "heap", "drain", "kafka", "index", "request", "restart" }

request = function()
  counter = counter + 1
  local k = counter % 5
  local w1 = words[(counter % #words) + 1]
  local w2 = words[((counter * 7) % #words) + 1]
  if k == 0 then
    return wrk.format("GET", "/health")
  elseif k == 1 then
    return wrk.format("GET", "/api/notes?limit=20")
  elseif k == 2 then
    return wrk.format("POST", "/api/notes", json,
      '{"text":"Note ' .. counter .. ': the ' .. w1 .. ' and the ' .. w2 .. ' were checked after the last deploy."}')
  elseif k == 3 then
    return wrk.format("GET", "/api/notes/search?q=" .. w1 .. "+" .. w2)
  else
    return wrk.format("POST", "/api/text/stats", json,
      '{"text":"The ' .. w1 .. ' grew. Then the ' .. w2 .. ' grew too, and the alert fired before R14."}')
  end
end

delay = function()
  return delay_ms
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d duration_s=%.1f rate=%.1f/s errors_status=%d errors_connect=%d errors_timeout=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
