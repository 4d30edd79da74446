-- wrk script: attendance saves, each to a held session of its own (scripts/load.py, scripts/scale.py).
-- Arguments: offset, thread count, a file of session paths, a path prefix, the form body, the cookie header.
local threads, nextid = {}, 1
function setup(thread) thread:set("tid", nextid); nextid = nextid + 1; table.insert(threads, thread) end
function init(argv)
  offset = tonumber(argv[1]); nthreads = tonumber(argv[2]); n = 0
  sessions = {}
  for line in io.lines(argv[3]) do table.insert(sessions, line) end
  prefix = argv[4]; body = argv[5]
  headers = { ["Cookie"] = argv[6], ["Content-Type"] = "application/x-www-form-urlencoded" }
end
function request()
  local i = offset + n * nthreads + (tid - 1)
  n = n + 1
  return wrk.format("POST", prefix .. sessions[(i % #sessions) + 1], headers, body)
end
function done(summary, latency, requests)
  local most = 0
  for _, t in ipairs(threads) do local k = t:get("n"); if k > most then most = k end end
  io.write(string.format("USED %d\n", most * #threads))
end
