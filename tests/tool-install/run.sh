#!/usr/bin/env bash
# Packs the command line as a .NET tool, installs it into a temporary tool path exactly as the README says
# (dotnet tool install --add-source), and runs the installed `wa-onboard` on the examples: exit 0 for a valid
# packet, 1 for the packet with many mistakes, 2 for none. Then compares the installed tool (on linux-x64, the
# native executable) with the portable build of the same commit: the command lines of commands.txt, and requests
# to `serve`, answered byte for byte alike.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap '[ -f "$work/servers" ] && xargs kill <"$work/servers" 2>/dev/null; rm -rf "$work"' EXIT
cd "$repo"

# A version of its own for this run: NuGet's package cache keeps a version once installed, so a fixed 0.1.0 would
# install the tool packed by an earlier run on this machine, not this commit's.
version="0.1.0-ci.$(date +%s%N)"
dotnet pack src/WaOnboard.Cli -o "$work/nupkg" -nologo -v quiet -p:PackageVersion="$version"
dotnet tool install --tool-path "$work/tools" --add-source "$work/nupkg" --version "$version" wa-onboard
tool="$work/tools/wa-onboard"

failures=0
# On linux-x64 the pointer package must have chosen the native package, not the portable one.
if [ "$(uname -sm)" = "Linux x86_64" ]; then
  native="$(find "$work/tools/.store/wa-onboard/$version/wa-onboard.linux-x64" -type f -name wa-onboard 2>/dev/null | head -n 1)"
  if [ -n "$native" ] && head -c 4 "$native" | grep -q 'ELF'; then
    echo "ok   the linux-x64 package was installed: a native executable ($(du -h "$native" | cut -f1))"
  else
    echo "FAIL the linux-x64 package was not installed:"; ls "$work/tools/.store/wa-onboard/$version"; failures=$((failures + 1))
  fi
fi
expect() { # expected exit code, then the arguments
  local expected="$1"; shift
  local status=0
  "$tool" "$@" >"$work/out" 2>"$work/err" || status=$?
  if [ "$status" -eq "$expected" ]; then
    echo "ok   wa-onboard $* (exit $status)"
  else
    echo "FAIL wa-onboard $*: exit $status, expected $expected"; cat "$work/err"
    failures=$((failures + 1))
  fi
}

expect 0 validate examples/engage-digital
expect 1 validate examples/many-mistakes
expect 0 validate examples/8x8 --format text
expect 2 validate examples/no-such-packet

# The tool-manifest way of the README, in a folder of its own.
mkdir -p "$work/manifest" && cp -r examples/engage-digital "$work/manifest/packet"
status=0
(cd "$work/manifest" && dotnet new tool-manifest >/dev/null && dotnet tool install --local --add-source "$work/nupkg" --version "$version" wa-onboard >/dev/null \
  && dotnet tool run wa-onboard validate packet --format text >"$work/out") || status=$?
if [ "$status" -eq 0 ] && grep -q 'valid: 0 errors' "$work/out"; then
  echo "ok   dotnet tool run wa-onboard validate packet (tool manifest, exit 0)"
else
  echo "FAIL dotnet tool run wa-onboard (tool manifest): exit $status"; failures=$((failures + 1))
fi

# The installed tool answers as the portable build of this commit does (on linux-x64 it is the native executable:
# trimming and ahead-of-time compilation must not change a byte), first on the command lines of commands.txt...
dotnet build src/WaOnboard.Cli -nologo -v quiet >/dev/null
portable=(dotnet "$repo/src/WaOnboard.Cli/bin/Debug/net10.0/wa-onboard.dll")
same=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  read -r -a args <<<"$line"
  a=0; b=0
  "$tool" "${args[@]}" >"$work/a.out" 2>"$work/a.err" || a=$?
  "${portable[@]}" "${args[@]}" >"$work/b.out" 2>"$work/b.err" || b=$?
  if [ "$a" -eq "$b" ] && cmp -s "$work/a.out" "$work/b.out" && cmp -s "$work/a.err" "$work/b.err"; then
    same=$((same + 1))
  else
    echo "FAIL wa-onboard $line: the installed tool (exit $a) and the portable build (exit $b) differ"
    diff "$work/b.out" "$work/a.out" | head -n 5; diff "$work/b.err" "$work/a.err" | head -n 5
    failures=$((failures + 1))
  fi
done <"$here/commands.txt"
echo "ok   $same command lines answered byte for byte as the portable build does"

# ...then as a server: the same requests to `wa-onboard serve` of each, every status, media type and body compared.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
serve() { # name, then the command; prints the base address once /health answers
  local port; port="$(free_port)"
  "${@:2}" serve --urls "http://127.0.0.1:$port" --registry "$work/$1.db" >"$work/$1.log" 2>&1 &
  echo $! >>"$work/servers"
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health" && { echo "http://127.0.0.1:$port"; return; }
    sleep 0.1
  done
  echo "FAIL $1: serve did not answer /health" >&2; cat "$work/$1.log" >&2; return 1
}
a_base="$(serve installed "$tool")"; b_base="$(serve portable "${portable[@]}")"
head -c 3000000 /dev/zero | tr '\0' 'a' >"$work/big.yaml"
requests() { # base address, output folder
  local i=0 yaml='Content-Type: application/yaml'
  mkdir -p "$2"
  while IFS= read -r request; do
    i=$((i + 1))
    eval "curl -s -o '$2/$i.body' -w '%{http_code} %{content_type}\n' $request" >"$2/$i.status"
  done <<EOF
$1/health
-I $1/health
$1/
$1/openapi/v1.json
-X POST --data-binary @examples/engage-digital/packet.yaml -H '$yaml' $1/v1/validate
-X POST --data-binary @examples/many-mistakes/packet.yaml -H '$yaml' '$1/v1/validate?lang=fr'
-X POST --data-binary @examples/many-mistakes/packet.yaml -H '$yaml' '$1/v1/validate?profile=nope&lang=de'
-X POST --data-binary 'a: [' -H '$yaml' $1/v1/validate
-X POST --data-binary @examples/engage-digital/packet.yaml -H 'Content-Type: text/csv' $1/v1/validate
-X POST -F packet=@examples/engage-digital/packet.yaml -F avatar=@examples/engage-digital/avatar.png $1/v1/validate
-X POST --data-binary @$work/big.yaml -H '$yaml' $1/v1/validate
-X POST --data-binary @examples/engage-digital/packet.yaml -H '$yaml' $1/v1/packets
$1/v1/packets/+33612345678
$1/v1/phone/+33612345678
'$1/v1/phone/0612345678?region=FR'
$1/v1/phone/garbage
$1/v1/rules
'$1/v1/rules?profile=8x8'
$1/v1/rules/business-id-format
$1/v1/profiles
-X POST --data-binary @examples/many-mistakes/packet.yaml -H '$yaml' '$1/v1/checklist?format=html&lang=fr'
-X POST --data-binary @examples/engage-digital/packet.yaml -H '$yaml' '$1/v1/checklist?format=text&audience=pm'
-X POST --data-binary @examples/engage-digital/packet.yaml -H '$yaml' '$1/v1/checklist?format=pdf&audience=boss'
$1/v1/snippets
'$1/v1/snippets/wa-link?phone=%2B33142000000&text=Hello'
'$1/v1/snippets/button?phone=%2B33142000000&lang=fr'
-X POST --data-binary @examples/8x8/packet.yaml -H '$yaml' '$1/v1/snippets/ivr?lang=fr'
'$1/v1/qr?phone=%2B33142000000&format=svg&caption=true'
'$1/v1/qr?phone=%2B33142000000&format=png&size=300'
-X POST --data-binary @examples/8x8/packet.yaml -H '$yaml' $1/v1/estimate
EOF
}
# ...and with a key of each server's own registry (SQLite): record a packet, read it back, remove it.
registry_requests() { # registry name, base address, output folder, then the command
  local key
  key="$("${@:4}" keys add ci --scope admin --registry "$work/$1.db" 2>/dev/null | head -n 1)"
  mkdir -p "$3"
  curl -s -o "$3/record.body" -w '%{http_code}\n' -X POST -F packet=@examples/engage-digital/packet.yaml \
    -F avatar=@examples/engage-digital/avatar.png -H "Authorization: Bearer $key" "$2/v1/packets" >"$3/record.status"
  curl -s -o "$3/find.body" -w '%{http_code}\n' -H "Authorization: Bearer $key" "$2/v1/packets/+33612345678" >"$3/find.status"
  curl -s -o "$3/remove.body" -w '%{http_code}\n' -X DELETE -H "Authorization: Bearer $key" \
    "$2/v1/packets/+33612345678?reason=ci" >"$3/remove.status"
}
requests "$a_base" "$work/api-installed"; requests "$b_base" "$work/api-portable"
registry_requests installed "$a_base" "$work/api-installed/registry" "$tool"
registry_requests portable "$b_base" "$work/api-portable/registry" "${portable[@]}"
# A problem's traceId, a record's times and the Date header are new on every request: the only parts that may differ.
sed -i -E 's/"(traceId|recordedAt|removedAt)":"[^"]*"/"\1":""/g; s/^Date: .*/Date:/' "$work"/api-*/*.body "$work"/api-*/registry/*.body
grep -q '^201' "$work/api-installed/registry/record.status" || { echo "FAIL serve: the installed tool did not record a packet"; failures=$((failures + 1)); }
xargs kill <"$work/servers" 2>/dev/null || true
answered=$(find "$work/api-portable" -name '*.status' | wc -l)
if diff -r "$work/api-portable" "$work/api-installed" >"$work/api.diff"; then
  echo "ok   $answered requests to serve answered byte for byte as the portable build does"
else
  echo "FAIL serve: the installed tool and the portable build answer differently:"; head -n 20 "$work/api.diff"; failures=$((failures + 1))
fi

# The registry on PostgreSQL, when CI started one (tests/postgres/start.sh): the native tool's Npgsql as the portable one's.
if [ -n "${WA_ONBOARD_TEST_POSTGRES:-}" ]; then
  a=0; b=0
  "$tool" validate examples/engage-digital --registry "$WA_ONBOARD_TEST_POSTGRES" >"$work/a.out" 2>"$work/a.err" || a=$?
  "${portable[@]}" validate examples/engage-digital --registry "$WA_ONBOARD_TEST_POSTGRES" >"$work/b.out" 2>"$work/b.err" || b=$?
  if [ "$a" -eq 0 ] && [ "$b" -eq 0 ] && cmp -s "$work/a.out" "$work/b.out"; then
    echo "ok   validate --registry (PostgreSQL) answered as the portable build does"
  else
    echo "FAIL validate --registry (PostgreSQL): installed exit $a, portable exit $b"; cat "$work/a.err"; failures=$((failures + 1))
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) of the installed tool failed."
  exit 1
fi
echo "tool-install: the packed tool installs and runs."
