-- POST /v1/packets with a record key (RECORD_KEY): examples/engage-digital's packet as a form with its avatar (a
-- packet must be valid to be recorded), each request with its own French mobile number, so that nearly every
-- request inserts a row (a repeated number would answer 200).
local function slurp(path)
  local file = assert(io.open(path, "rb"))
  local data = file:read("*a")
  file:close()
  return data
end
local template = slurp(os.getenv("PACKET_JSON") or "engage-digital.json"):gsub('"profile"%s*:%s*{', '"profile": { "avatar": "avatar.png",', 1)
local avatar = slurp(os.getenv("AVATAR_PNG") or "../../examples/engage-digital/avatar.png")
local key = assert(os.getenv("RECORD_KEY"), "set RECORD_KEY")
local boundary = "wa-onboard-load"
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
  local packet = template:gsub("%+33 6 12 34 56 78", number)
  local body = "--" .. boundary .. "\r\n" ..
    'Content-Disposition: form-data; name="packet"; filename="packet.json"\r\nContent-Type: application/json\r\n\r\n' ..
    packet .. "\r\n--" .. boundary .. "\r\n" ..
    'Content-Disposition: form-data; name="avatar"; filename="avatar.png"\r\nContent-Type: image/png\r\n\r\n' ..
    avatar .. "\r\n--" .. boundary .. "--\r\n"
  return wrk.format("POST", nil, {
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["Authorization"] = "Bearer " .. key,
  }, body)
end
