#!/usr/bin/env bash
# Packs the command line as a .NET tool, installs it into a temporary tool path exactly as the README says
# (dotnet tool install --add-source), and runs the installed `wa-onboard` on the examples: exit 0 for a valid
# packet, 1 for the packet with many mistakes, and a SARIF file from the installed command.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$repo"

# A version of its own for this run: NuGet's package cache keeps a version once installed, so a fixed 0.1.0 would
# install the tool packed by an earlier run on this machine, not this commit's.
version="0.1.0-ci.$(date +%s%N)"
dotnet pack src/WaOnboard.Cli -o "$work/nupkg" -nologo -v quiet -p:PackageVersion="$version"
dotnet tool install --tool-path "$work/tools" --add-source "$work/nupkg" --version "$version" wa-onboard
tool="$work/tools/wa-onboard"

failures=0
# On linux-x64 the pointer package must have chosen the ReadyToRun package, not the portable one.
if [ "$(uname -sm)" = "Linux x86_64" ]; then
  if [ -d "$work/tools/.store/wa-onboard/$version/wa-onboard.linux-x64" ]; then
    echo "ok   the linux-x64 (ReadyToRun) package was installed"
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

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) of the installed tool failed."
  exit 1
fi
echo "tool-install: the packed tool installs and runs."
