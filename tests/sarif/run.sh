#!/usr/bin/env bash
# Writes the SARIF of every example packet (one at a time, and all of them in one run) and validates each with
# Microsoft's SARIF Multitool 5.7.0 (`Sarif.Multitool validate`, the SARIF 2.1.0 schema and its rules): any error fails.
# The validator is first shown a broken log, so that a validator that checks nothing cannot pass.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$here/out"
rm -rf "$out" && mkdir -p "$out"

cd "$here"
tool="$here/node_modules/@microsoft/sarif-multitool-linux"
if [ ! -f "$tool/Sarif.Multitool" ]; then
  npm install --no-audit --no-fund
fi
# npm may skip the package's postinstall (chmod u+x): make it runnable either way.
chmod u+x "$tool/Sarif.Multitool"

dotnet build "$repo/src/WaOnboard.Cli" -nologo -v quiet >/dev/null
cd "$repo"
cli() { dotnet src/WaOnboard.Cli/bin/Debug/net10.0/wa-onboard.dll "$@"; }

# Counts the validator's results by level; prints "errors total".
count() {
  node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const results = log.runs.flatMap(r => r.results || []);
    const errors = results.filter(r => (r.level || "warning") === "error");
    for (const r of errors) console.error(`  ${r.ruleId}: ${JSON.stringify(r.message.arguments || r.message.text)}`);
    console.log(`${errors.length} ${results.length}`);' "$1"
}

validate() { # name of a SARIF file in $out; prints the counts
  rm -f "$out/$1.validation.sarif"
  "$tool/Sarif.Multitool" validate "$out/$1" --json-schema "$tool/sarif-2.1.0.json" --level "Error;Warning;Note" \
    -o "$out/$1.validation.sarif" >"$out/$1.validation.log" 2>&1 || true
  [ -f "$out/$1.validation.sarif" ] || { echo "FAIL $1: the validator wrote no log"; cat "$out/$1.validation.log"; return 1; }
  count "$out/$1.validation.sarif"
}

# The validator must catch a broken log: line 0 is not a line.
cli validate examples/many-mistakes --format sarif --output "$out/broken.sarif" || true
sed -i 's/"startLine": [0-9]*/"startLine": 0/' "$out/broken.sarif"
read -r errors _ < <(validate broken.sarif 2>/dev/null)
[ "$errors" -gt 0 ] || { echo "FAIL the validator found no error in a broken log"; exit 1; }
echo "ok   the validator reports $errors errors in a deliberately broken log"

failures=0
names=()
for dir in examples/*/; do
  names+=("$(basename "$dir")")
done
for name in "${names[@]}" all; do
  if [ "$name" = all ]; then
    cli validate examples --format sarif --output "$out/$name.sarif" || true
  else
    cli validate "examples/$name" --format sarif --output "$out/$name.sarif" || true
  fi
  read -r errors total < <(validate "$name.sarif")
  # The validator always has a note or two on a real log (it asks for version control details): none at all means it read nothing.
  if [ "$errors" -eq 0 ] && [ "$total" -gt 0 ]; then
    echo "ok   $name.sarif: 0 errors ($total notes and warnings)"
  else
    echo "FAIL $name.sarif: $errors errors, $total results"
    failures=$((failures + 1))
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "$failures SARIF log(s) did not validate."
  exit 1
fi
echo "sarif: every example's SARIF passes Sarif.Multitool validate."
