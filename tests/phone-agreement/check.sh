#!/usr/bin/env bash
# CI check: the committed agreement fixture (tests/WaOnboard.Tests/Phone/agreement.json) is exactly what the pinned
# libphonenumber-js says of its inputs. The xunit test PhoneAgreementTests then requires libphonenumber-csharp, through
# our adapter, to agree with it on at least 99.8% of the numbers for validity, type and region, and lists every
# difference. Fails with a diff when the fixture drifts; `check.sh --update` rewrites it (after a version change in
# package.json: `npm install --package-lock-only` here first).
# Needs node and npm only; installs the pinned package into this folder (node_modules is not committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fixture="$root/tests/WaOnboard.Tests/Phone/agreement.json"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
version="$(node -p "require('libphonenumber-js/package.json').version")"

if [ "${1:-}" = "--update" ]; then
  node generate-fixture.mjs "$fixture"
  echo "agreement fixture rewritten from libphonenumber-js $version; run: dotnet test --filter FullyQualifiedName~PhoneAgreement"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node generate-fixture.mjs "$work/agreement.json" >/dev/null
if ! diff -q "$fixture" "$work/agreement.json" >/dev/null; then
  echo "DIFFERS: ${fixture#"$root"/} is not what libphonenumber-js $version gives:"
  diff -u "$fixture" "$work/agreement.json" | head -40 || true
  echo "Run tests/phone-agreement/check.sh --update and commit the result."
  exit 1
fi
echo "agreement fixture matches libphonenumber-js $version"
