#!/usr/bin/env bash
# Runs the command lines of docs/ci.md (GitHub Actions workflow, GitLab job, Azure Pipelines steps, pre-commit
# hook, baseline) on a copy of the examples laid out as a repository, with `wa-onboard` on PATH, and checks
# their exit codes and files. Each command is first looked up verbatim in docs/ci.md, so the page and this
# script cannot drift apart. (tests/tool-install/run.sh checks the installed tool itself.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/WaOnboard.Cli" -nologo -v quiet >/dev/null
mkdir -p "$work/bin" "$work/repo/.git" "$work/repo/packets"
printf '#!/bin/sh\nexec dotnet "%s" "$@"\n' "$repo/src/WaOnboard.Cli/bin/Debug/net10.0/wa-onboard.dll" > "$work/bin/wa-onboard"
chmod +x "$work/bin/wa-onboard"
export PATH="$work/bin:$PATH"
cp -r "$repo/examples/." "$work/repo/packets/"
cd "$work/repo"

failures=0
# expected exit code, then the command line exactly as docs/ci.md writes it
run() {
  local expected="$1" line="$2" status=0
  if ! grep -qF -- "$line" "$repo/docs/ci.md"; then
    echo "FAIL not in docs/ci.md: $line"; failures=$((failures + 1)); return
  fi
  bash -c "$line" >"$work/out" 2>"$work/err" || status=$?
  if [ "$status" -eq "$expected" ]; then
    echo "ok   (exit $status) $line"
  else
    echo "FAIL (exit $status, expected $expected) $line"; cat "$work/err"; failures=$((failures + 1))
  fi
}
check() { # description, then a test command
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

# GitHub Actions
run 0 'wa-onboard validate . --format sarif --output wa-onboard.sarif --fail-severity none'
check "the SARIF names packets/many-mistakes/packet.yaml from the repository root" grep -q '"uri": "packets/many-mistakes/packet.yaml"' wa-onboard.sarif
export GITHUB_STEP_SUMMARY="$work/summary.md"
run 1 'wa-onboard validate . --format github'
check "every annotation line is a workflow command" bash -c "! grep -vE '^::(error|warning|notice) file=[^,]+(,line=[0-9]+(,col=[0-9]+)?)?,title=[^,:]+::' '$work/out'"
check "annotations point at packets/many-mistakes/packet.yaml" grep -q '^::error file=packets/many-mistakes/packet.yaml,line=' "$work/out"
check "the job summary was written" grep -q '^## wa-onboard: 4 packets, 1 failing' "$GITHUB_STEP_SUMMARY"
unset GITHUB_STEP_SUMMARY

# GitLab and Azure Pipelines
run 1 'wa-onboard validate . --format junit --output wa-onboard.junit.xml'
check "the JUnit report has a suite per packet" test "$(grep -c '<testsuite ' wa-onboard.junit.xml)" -eq 4
mkdir -p CodeAnalysisLogs
run 0 'wa-onboard validate . --format sarif --output CodeAnalysisLogs/wa-onboard.sarif --fail-severity none'
check "the Scans tab SARIF was written" test -s CodeAnalysisLogs/wa-onboard.sarif

# pre-commit (the framework's entry and the plain hook run the same command)
run 1 'wa-onboard validate . --format text'
check "the hook says which packet is not valid" grep -q 'packets/many-mistakes (profile engage-digital)' "$work/out"
rm -rf packets/many-mistakes
run 0 'wa-onboard validate . --format text'
cp -r "$repo/examples/many-mistakes" packets/

# Baseline: record, then only new findings fail
run 0 'wa-onboard validate . --write-baseline wa-onboard.baseline.json'
run 0 'wa-onboard validate . --baseline wa-onboard.baseline.json --format sarif --output wa-onboard.sarif'
check "the baselined results are suppressed" grep -q '"justification": "baseline"' wa-onboard.sarif
sed -i 's/facebookBusinessId: "104857600000042"/facebookBusinessId: "12"/' packets/engage-digital/packet.yaml
run 1 'wa-onboard validate . --baseline wa-onboard.baseline.json --format sarif --output wa-onboard.sarif'

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) of docs/ci.md failed."
  exit 1
fi
echo "ci-examples: the command lines of docs/ci.md behave as the page says."
