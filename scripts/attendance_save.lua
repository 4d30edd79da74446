-- wrk script: attendance saves, each to a held session of its own (scripts/load.py, scripts/scale.py).
-- Arguments: offset, thread count, a file of session paths, a path prefix, the form body, the cookie header.
-- Each post carries a one-time form key of its own (`_once`), as a browser's form does: the server
-- claims it before the save and records the answer after (FormOnceMiddleware).
local threads, nextid = {}, 1
function setup(thread) thread:set("tid", nextid); nextid = nextid + 1; table.insert(threads, thread) end
function init(argv)
  offset = tonumber(argv[1]); nthreads = tonumber(argv[2]); n = 0
  sessions = {}
  for line in io.lines(argv[3]) do table.insert(sessions, line) end
  prefix = argv[4]; body = argv[5]
  headers = { ["Cookie"] = argv[6], ["Content-Type"] = "application/x-www-form-urlencoded" }
  math.randomseed(os.time() * 1000 + offset + tid)
  once = string.format("ld%08x", math.random(0, 2147483646))
end
function request()
  local i = offset + n * nthreads + (tid - 1)
  n = n + 1
  return wrk.format("POST", prefix .. sessions[(i % #sessions) + 1], headers, body .. string.format("&_once=%s%010d", once, n))
end
function done(summary, latency, requests)
  local most = 0
  for _, t in ipairs(threads) do local k = t:get("n"); if k > most then most = k end end
  io.write(string.format("USED %d\n", most * #threads))
end
