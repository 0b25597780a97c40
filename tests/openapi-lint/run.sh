#!/usr/bin/env bash
# Lints the committed OpenAPI document (openapi.json at the repository root) with Redocly's recommended rules.
# Installs @redocly/cli 2.x into this folder (node_modules/, ignored by git); nothing global.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
if [ ! -x node_modules/.bin/redocly ]; then
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$here" "@redocly/cli@2" >/dev/null
fi
node_modules/.bin/redocly --version
# --config: the rules this project changes, each with its reason, in redocly.yaml beside this script.
node_modules/.bin/redocly lint "$root/openapi.json" --config "$here/redocly.yaml" --format=stylish
