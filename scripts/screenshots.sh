#!/usr/bin/env bash
# Regenerates the README's screenshots of the pre-flight page (docs/screenshots/page-findings*.png: light, dark,
# 375 px wide) and measures the page (docs/screenshots/figures.txt): weight of the first load, time to first findings.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
WA_ONBOARD_SCREENSHOTS=1 bash "$repo/tests/browser/run.sh" --filter "FullyQualifiedName~Screenshots" --logger "console;verbosity=detailed"
cat "$repo/docs/screenshots/figures.txt"
