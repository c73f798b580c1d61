-- querymix.lua: wrk over the query mix (bench/run).  MIX names the file of
-- /search query strings (one a line, written by gencorpus); each connection
-- walks the mix from its own offset, so every query is asked.  Non-2xx
-- answers are counted by wrk itself ("Non-2xx or 3xx responses").
local mix = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("MIX")) do
    if #line > 0 then mix[#mix + 1] = "/search?" .. line end
  end
  counter = math.random(#mix)
end

function request()
  counter = counter % #mix + 1
  return wrk.format("GET", mix[counter])
end

function done(summary, latency, requests)
  io.write(string.format("MIXRESULT %d %.1f %.3f %.3f %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status + summary.errors.timeout))
end
