-- wrk: mixed load. 80% top-10 recommendations of trained users, 10% visitors posting an answer, 10% visitors'
-- fold-in recommendations. Sessions and items come from bench/wrk/sessions.lua (written by service-bench.sh).
-- Counts the answers the server accepted (200), to compare with the rows in the database afterwards.
dofile("bench/wrk/sessions.lua") -- defines `sessions` and `items`
local threads = {}
setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
init = function()
  math.randomseed(os.time() * 100 + id)
  accepted, rejected, posts = 0, 0, 0
end
request = function()
  local roll = math.random()
  local session = sessions[math.random(#sessions)]
  if roll < 0.8 then
    return wrk.format("GET", "/api/users/" .. math.random(1, 610) .. "/recommendations?n=10")
  elseif roll < 0.9 then
    posts = posts + 1
    local body = string.format('{"answers":[{"item":"%s","rating":%.1f}]}', items[math.random(#items)], math.random(1, 10) / 2)
    return wrk.format("POST", "/api/sessions/" .. session .. "/answers", { ["Content-Type"] = "application/json" }, body)
  end
  return wrk.format("GET", "/api/sessions/" .. session .. "/recommendations?n=10")
end
response = function(status, headers, body)
  -- Only answers return the session summary with "notSeen"; count their outcomes.
  if body:find('"notSeen"', 1, true) then
    accepted = accepted + 1
  elseif status >= 400 then
    rejected = rejected + 1
  end
end
done = function(summary, latency, requests)
  local a, r = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    r = r + t:get("rejected")
  end
  io.write(string.format("answers accepted (200): %d; requests rejected (>= 400): %d\n", a, r))
end
