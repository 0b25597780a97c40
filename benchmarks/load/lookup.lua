-- POST /v1/validate where every request looks a different number up in the registry (Registry:CacheSeconds=0 on
-- the server): examples/engage-digital's packet as JSON with its number changed per request.
local file = assert(io.open(os.getenv("PACKET_JSON") or "engage-digital.json", "rb"))
local template = file:read("*a")
file:close()
local counter = 0

function init(args)
  math.randomseed(os.time() * 1000 + math.random(1000))
  counter = math.random(0, 4000000)
end

function request()
  counter = counter + 1
  local body = template:gsub("%+33 6 12 34 56 78", string.format("+33 7 %08d", counter % 100000000))
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
