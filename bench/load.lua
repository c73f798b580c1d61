-- bench/load's request mix: free text, phrases, wildcards, fields, facet
-- filters, date ranges, sorting, paging, facet prefixes and documents.
local paths = {
  "/search?q=samenwerking",
  "/search?q=wonen&municipality=Den+Bosch",
  "/search?q=%22sociaal+domein%22&per_page=20",
  "/search?theme=sociaal-domein&sort=date&page=2",
  "/search?q=krimp*&from=2015&to=2020",
  "/search?q=titel:binnenstad+OR+spreker:hoving",
  "/search?q=energie+transitie&theme=duurzaamheid-energie",
  "/search?municipality=Meierijstad&municipality=Gorinchem",
  "/search?q=jeugdzorg&facet_limit=5",
  "/search?q=omgevingswet&sort=date_asc",
  "/search?q=samenwerkng",
  "/search",
  "/facets/municipality?prefix=G",
  "/facets/speaker?prefix=ma&q=wonen",
  "/documents/" .. (os.getenv("DOC") or "r00017"),
  "/healthz",
}
local mix = {}
local i = 0

function init(args)
  local file = os.getenv("MIX")
  if file and #file > 0 then
    for line in io.lines(file) do
      if #line > 0 then mix[#mix + 1] = "/search?" .. line end
    end
  end
  i = math.random(1000)
end

-- With a mix, three of every four requests come from it.
request = function()
  i = i + 1
  if #mix > 0 and i % 4 ~= 0 then
    return wrk.format("GET", mix[(i % #mix) + 1])
  end
  return wrk.format("GET", paths[(i % #paths) + 1])
end

-- Connections: wrk opens one per connection of the level and a new one
-- after every answer that closes its connection ("Connection: close"), so
-- the connections opened are the level's concurrency plus these.
local threads = {}
closed = 0

function setup(thread)
  threads[#threads + 1] = thread
end

function response(status, headers, body)
  local c = headers["Connection"] or headers["connection"]
  if c and c:lower() == "close" then closed = closed + 1 end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + (t:get("closed") or 0) end
  io.write(string.format("CLOSED_BY_SERVER %d\n", n))
end
