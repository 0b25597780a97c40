-- POST /v1/packets with a record key (RECORD_KEY): examples/engage-digital's packet as JSON, each request with its
-- own French mobile number, so that nearly every request inserts a row (a repeated number would answer 200).
local file = assert(io.open(os.getenv("PACKET_JSON") or "engage-digital.json", "rb"))
local template = file:read("*a")
file:close()
local key = assert(os.getenv("RECORD_KEY"), "set RECORD_KEY")
local counter = 0
local prefix = 0

function setup(thread)
  prefix = prefix + 1
  thread:set("prefix", prefix)
end

function init(args)
  -- A random start per thread and run: two runs on one database record different numbers.
  math.randomseed(os.time() * 1000 + (prefix or 0))
  counter = math.random(0, 4000000)
end

function request()
  counter = counter + 1
  local number = string.format("+33 6 %d%07d", prefix % 10, counter % 10000000)
  local body = template:gsub("%+33 6 12 34 56 78", number)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }, body)
end
