#!/usr/bin/env bash
# Renders QR codes with the command line (PNG and SVG) and checks that every PNG decodes back, with zbarimg,
# to exactly the wa.me link that `wa-onboard snippet wa-link` prints for the same input.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$here/out"
packets="$repo/tests/WaOnboard.Tests/Templates/Packets"
rm -rf "$out" && mkdir -p "$out"

if ! command -v zbarimg >/dev/null; then
  apt-get update && apt-get install -y zbar-tools
fi

dotnet build "$repo/src/WaOnboard.Cli" -nologo -v quiet >/dev/null
cli() { dotnet run --no-build --project "$repo/src/WaOnboard.Cli" -- "$@"; }

failures=0
check() { # name, then the input arguments of the snippet command
  local name="$1"; shift
  local expected decoded
  expected="$(cli snippet wa-link "$@")"
  cli snippet qr "$@" --out "$out/$name.png"
  cli snippet qr "$@" --out "$out/$name.svg"
  grep -q '<svg' "$out/$name.svg" || { echo "FAIL $name: no SVG written"; failures=$((failures + 1)); return; }
  # zbarimg complains on stderr when there is no D-Bus (containers): keep that out of the report.
  decoded="$(zbarimg --raw --quiet "$out/$name.png" 2>"$out/$name.zbarimg.log" | tr -d '\r')"
  if [ "$decoded" = "$expected" ]; then
    echo "ok   $name: $decoded"
  else
    echo "FAIL $name: expected '$expected', decoded '$decoded'"
    failures=$((failures + 1))
  fi
}

check phone --phone "+33 1 42 00 00 00"
check phone-text --phone "+1 (415) 555-0100" --text "Hello, I have a question about order #42 & more"
check unicode-text --phone "+44 20 7946 0018" --text "Bonjour 😀 مرحبا — ünïcödé"
check long-text --phone "+33 6 12 34 56 78" --text "$(printf 'Please call me back about my account. %.0s' {1..12})"
check small --phone "+33 1 42 00 00 00" --size 100
check large --phone "+33 1 42 00 00 00" --size 4000
for profile in engage-digital 8x8 generic; do
  check "packet-$profile" --packet "$packets/$profile.yaml"
done

if [ "$failures" -ne 0 ]; then
  echo "$failures QR code(s) did not decode to their link."
  exit 1
fi
echo "qr: every PNG decodes to its wa.me link."
