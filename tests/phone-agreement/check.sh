#!/usr/bin/env bash
# CI check: the committed agreement fixture and phone data are exactly what the pinned
# libphonenumber-js gives. Fails with a diff when they drift; fix with scripts/refresh-phone-metadata.sh.
# Needs node and npm only; installs the pinned package into this folder (node_modules is not committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node generate-fixture.mjs "$work/agreement.json" >/dev/null
node "$root/scripts/phone/trim-metadata.mjs" node_modules/libphonenumber-js "$work/phone-metadata.json"

status=0
for pair in "$work/agreement.json:$root/tests/WaOnboard.Tests/Phone/agreement.json" \
            "$work/phone-metadata.json:$root/src/WaOnboard.Core/Phone/Data/phone-metadata.json"; do
  fresh="${pair%%:*}"
  committed="${pair#*:}"
  if ! diff -q "$committed" "$fresh" >/dev/null; then
    echo "DIFFERS: ${committed#"$root"/} is not what libphonenumber-js $(node -p "require('libphonenumber-js/package.json').version") gives:"
    diff -u "$committed" "$fresh" | head -40 || true
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "Run scripts/refresh-phone-metadata.sh and commit the result."
else
  echo "agreement fixture and phone metadata match libphonenumber-js"
fi
exit "$status"
