#!/usr/bin/env bash
# Regenerates the phone numbering-plan data (src/WaOnboard.Core/Phone/Data/) and the agreement
# fixture (tests/WaOnboard.Tests/Phone/agreement.json) from the libphonenumber-js version pinned
# in tests/phone-agreement/package.json and package-lock.json.
# To move to another version: change the version there, run `npm install --package-lock-only`
# in tests/phone-agreement, then this script, then `dotnet test --filter FullyQualifiedName~Phone`.
# Needs node and npm only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$root/tests/phone-agreement/package.json" "$root/tests/phone-agreement/package-lock.json" \
   "$root/tests/phone-agreement/generate-fixture.mjs" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error)

package="$work/node_modules/libphonenumber-js"
data="$root/src/WaOnboard.Core/Phone/Data"
node "$root/scripts/phone/trim-metadata.mjs" "$package" "$data/phone-metadata.json"
cp "$package/LICENSE" "$data/LICENSE.libphonenumber-js.txt"
cp "$package/LICENSE.Apache" "$data/LICENSE.libphonenumber-metadata.Apache-2.0.txt"
(cd "$work" && node generate-fixture.mjs "$root/tests/WaOnboard.Tests/Phone/agreement.json")
echo "phone metadata and agreement fixture refreshed from libphonenumber-js $(node -p "require('$package/package.json').version")"
