#!/usr/bin/env bash
# Load test of the HTTP API: GET /health against POST /v1/validate, then a 60-second run that samples the
# server's memory. Targets: validate at least half the requests/s of /health, p99 at most 5 ms at 64
# connections, no errors, RSS flat. The server is built in Release, bound to 127.0.0.1, rate limiting off.
#
# engage-digital.json is examples/engage-digital/packet.yaml as JSON without profile.avatar (a JSON body
# carries no file); regenerate it when the example changes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${PORT:-5180}"
url="http://127.0.0.1:$port"
duration="${DURATION:-20s}"
threads=2
connections=64

if ! command -v wrk >/dev/null; then
  apt-get update && apt-get install -y wrk
fi
if curl -s -o /dev/null "$url/health"; then
  echo "Something already listens on $url; set PORT to a free port." >&2
  exit 2
fi

dotnet build "$root/src/WaOnboard.Api" -c Release -nologo -v quiet
work="$(mktemp -d)"
# REGISTRY_CACHE_SECONDS=0 makes every validation look its number up in SQLite (the default remembers look-ups 1 s).
RateLimiting__PermitLimit=0 ConnectionStrings__Registry="Data Source=$work/registry.db" Registry__CacheSeconds="${REGISTRY_CACHE_SECONDS:-1}" \
  dotnet "$root/src/WaOnboard.Api/bin/Release/net10.0/WaOnboard.Api.dll" --urls "$url" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do
  curl -s -o /dev/null "$url/health" && break
  sleep 0.2
done
curl -sf -o /dev/null "$url/health" || { cat "$work/server.log" >&2; exit 1; }
status="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$here/engage-digital.json" "$url/v1/validate")"
[ "$status" = 200 ] || { echo "POST /v1/validate answered $status, not 200" >&2; exit 1; }

rss() { awk '/VmRSS/ { printf "%d MiB", $2 / 1024 }' "/proc/$server/status"; }

cd "$here"
echo "== warm-up (5 s each, not measured)"
wrk -t"$threads" -c"$connections" -d5s "$url/health" >/dev/null
wrk -t"$threads" -c"$connections" -d5s -s validate.lua "$url/v1/validate" >/dev/null
echo "RSS after warm-up: $(rss)"

echo "== GET /health ($duration, $threads threads, $connections connections)"
wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url/health" | tee "$work/health.txt"
echo "== POST /v1/validate ($duration, $threads threads, $connections connections)"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s validate.lua "$url/v1/validate" | tee "$work/validate.txt"

echo "== POST /v1/validate for 60 s, RSS every 5 s"
wrk -t"$threads" -c"$connections" -d60s --latency -s validate.lua "$url/v1/validate" >"$work/long.txt" &
load=$!
samples=()
for second in $(seq 0 5 60); do
  samples+=("$(rss)")
  echo "  t=${second}s RSS $(rss)"
  [ "$second" -lt 60 ] && sleep 5
done
wait "$load"
cat "$work/long.txt"

rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
p() { awk -v q="$2" '$1 == q { print $2 }' "$1"; }
errors() { local found; found="$(awk '/Non-2xx|Socket errors/ { print }' "$1")"; echo "${found:-none}"; }
echo
echo "== summary"
printf '%-22s %12s %10s %10s %s\n' endpoint req/s p50 p99 errors
printf '%-22s %12s %10s %10s %s\n' "GET /health" "$(rps "$work/health.txt")" "$(p "$work/health.txt" 50%)" "$(p "$work/health.txt" 99%)" "$(errors "$work/health.txt" | tr '\n' ' ')"
printf '%-22s %12s %10s %10s %s\n' "POST /v1/validate" "$(rps "$work/validate.txt")" "$(p "$work/validate.txt" 50%)" "$(p "$work/validate.txt" 99%)" "$(errors "$work/validate.txt" | tr '\n' ' ')"
printf '%-22s %12s %10s %10s %s\n' "POST /v1/validate 60s" "$(rps "$work/long.txt")" "$(p "$work/long.txt" 50%)" "$(p "$work/long.txt" 99%)" "$(errors "$work/long.txt" | tr '\n' ' ')"
echo "RSS samples (every 5 s over 60 s): ${samples[*]}"
