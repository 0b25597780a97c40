#!/usr/bin/env bash
# Runs the browser tests of the pre-flight page (tests/WaOnboard.Browser.Tests) in Debian's Chromium, with axe-core
# from npm. Installs what is missing: chromium (apt-get; Playwright's own browser download cannot work here) and
# axe-core (npm, into tests/browser/node_modules). Extra arguments go to `dotnet test`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

chromium="${WA_ONBOARD_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
cd "$here"
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm install --no-audit --no-fund
fi

export WA_ONBOARD_BROWSER_TESTS=1 WA_ONBOARD_CHROMIUM="$chromium"
dotnet build "$repo/tests/WaOnboard.Browser.Tests" -nologo -v quiet >/dev/null
dotnet test "$repo/tests/WaOnboard.Browser.Tests" --no-build "$@"
