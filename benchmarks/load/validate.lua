-- POST /v1/validate with examples/engage-digital's packet as JSON (no avatar: a JSON body carries no file).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("PACKET_JSON") or "engage-digital.json", "rb"))
wrk.body = file:read("*a")
file:close()
