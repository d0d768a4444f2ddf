-- wrk: top-10 recommendations for random trained users of ml-latest-small (ids 1..610).
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/users/" .. math.random(1, 610) .. "/recommendations?n=10")
end
