#!/usr/bin/env bash
# Load test of the HTTP API: GET /health against POST /v1/validate, then a 60-second run that samples the
# server's memory. Targets: validate at least half the requests/s of /health, p99 at most 5 ms at 64
# connections, no errors, RSS flat. The server is built in Release, bound to 127.0.0.1, rate limiting off.
# Then the registry: for SQLite and for PostgreSQL (a throw-away server from tests/postgres/start.sh, or
# WA_ONBOARD_TEST_POSTGRES when set), a fresh server with the look-up cache off runs GET /health, POST
# /v1/validate looking up a new number each time (lookup.lua), and POST /v1/packets with a record key
# recording a new number each time (record.lua), each as a ratio to /health in the same run.
# REGISTRY_ONLY=1 skips the first part.
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

dotnet build "$root/src/WaOnboard.Cli" -c Release -nologo -v quiet
cli="$root/src/WaOnboard.Cli/bin/Release/net10.0/wa-onboard.dll"
work="$(mktemp -d)"
rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
p() { awk -v q="$2" '$1 == q { print $2 }' "$1"; }
errors() { local found; found="$(awk '/Non-2xx|Socket errors/ { print }' "$1")"; echo "${found:-none}"; }
# Milliseconds from wrk's latency (us, ms or s).
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; printf "%.2f", n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

# One server on a registry, with the look-up cache off; three runs, each reported against /health of the same server.
registry_runs() {
  local name="$1" connection="$2" rport="$3"
  local rurl="http://127.0.0.1:$rport" out="$work/$name"
  mkdir -p "$out"
  local key
  key="$(dotnet "$cli" keys add "load-$name-$$" --scope record --registry "$connection" 2>/dev/null)"
  RateLimiting__PermitLimit=0 Registry__CacheSeconds=0 dotnet "$cli" serve --urls "$rurl" --registry "$connection" >"$out/server.log" 2>&1 &
  local rserver=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "$rurl/health" && break; sleep 0.2; done
  local status
  # The packet as record.lua sends it: a form with the avatar (a packet must be valid to be recorded).
  sed 's/"profile": *{/"profile": { "avatar": "avatar.png",/' "$here/engage-digital.json" >"$out/packet.json"
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" \
    -F "packet=@$out/packet.json;type=application/json" -F "avatar=@$root/examples/engage-digital/avatar.png;type=image/png" "$rurl/v1/packets")"
  case "$status" in 200|201) ;; *) echo "POST /v1/packets on $name answered $status" >&2; cat "$out/server.log" >&2; kill "$rserver"; return 1 ;; esac
  wrk -t"$threads" -c"$connections" -d5s "$rurl/health" >/dev/null
  wrk -t"$threads" -c"$connections" -d5s -s lookup.lua "$rurl/v1/validate" >/dev/null
  echo "== $name: GET /health, POST /v1/validate (a look-up each), POST /v1/packets (record key) ($duration each, $connections connections)"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$rurl/health" >"$out/health.txt"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s lookup.lua "$rurl/v1/validate" >"$out/validate.txt"
  RECORD_KEY="$key" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s record.lua "$rurl/v1/packets" >"$out/packets.txt"
  kill "$rserver"; wait "$rserver" 2>/dev/null || true
  local h_rps h50 h99
  h_rps="$(rps "$out/health.txt")"; h50="$(ms "$(p "$out/health.txt" 50%)")"; h99="$(ms "$(p "$out/health.txt" 99%)")"
  printf '%-34s %10s %8s %8s %8s %8s %8s  %s\n' "$name" req/s p50_ms p99_ms "x rps" "x p50" "x p99" errors
  for run in health validate packets; do
    local f="$out/$run.txt" r p50 p99
    r="$(rps "$f")"; p50="$(ms "$(p "$f" 50%)")"; p99="$(ms "$(p "$f" 99%)")"
    printf '%-34s %10s %8s %8s %8s %8s %8s  %s\n' "  $run" "$r" "$p50" "$p99" "$(ratio "$r" "$h_rps")" "$(ratio "$p50" "$h50")" "$(ratio "$p99" "$h99")" \
      "$(errors "$f" | tr '\n' ' ')"
  done | tee -a "$work/registry-summary.txt"
}
if [ "${REGISTRY_ONLY:-0}" != 1 ]; then
# REGISTRY_CACHE_SECONDS=0 makes every validation look its number up in SQLite (the default remembers look-ups 1 s).
RateLimiting__PermitLimit=0 ConnectionStrings__Registry="Data Source=$work/registry.db" Registry__CacheSeconds="${REGISTRY_CACHE_SECONDS:-1}" \
  dotnet "$root/src/WaOnboard.Api/bin/Release/net10.0/WaOnboard.Api.dll" --urls "$url" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; bash "$root/tests/postgres/stop.sh" "$work/pg.env"; rm -rf "$work"' EXIT
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

echo
echo "== summary"
printf '%-22s %12s %10s %10s %s\n' endpoint req/s p50 p99 errors
printf '%-22s %12s %10s %10s %s\n' "GET /health" "$(rps "$work/health.txt")" "$(p "$work/health.txt" 50%)" "$(p "$work/health.txt" 99%)" "$(errors "$work/health.txt" | tr '\n' ' ')"
printf '%-22s %12s %10s %10s %s\n' "POST /v1/validate" "$(rps "$work/validate.txt")" "$(p "$work/validate.txt" 50%)" "$(p "$work/validate.txt" 99%)" "$(errors "$work/validate.txt" | tr '\n' ' ')"
printf '%-22s %12s %10s %10s %s\n' "POST /v1/validate 60s" "$(rps "$work/long.txt")" "$(p "$work/long.txt" 50%)" "$(p "$work/long.txt" 99%)" "$(errors "$work/long.txt" | tr '\n' ' ')"
echo "RSS samples (every 5 s over 60 s): ${samples[*]}"
kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
fi

cd "$here"
trap 'bash "$root/tests/postgres/stop.sh" "$work/pg.env"; rm -rf "$work"' EXIT
registry_runs sqlite "Data Source=$work/registry-load.db" "$((port + 1))"
postgres="${WA_ONBOARD_TEST_POSTGRES:-}"
if [ -z "$postgres" ]; then
  bash "$root/tests/postgres/start.sh" "$work/pg.env"
  # shellcheck disable=SC1091
  . "$work/pg.env"
  postgres="$WA_ONBOARD_TEST_POSTGRES"
fi
registry_runs postgresql "$postgres" "$((port + 2))"
echo
echo "== registry summary (x: ratio to GET /health of the same server and run)"
cat "$work/registry-summary.txt"
