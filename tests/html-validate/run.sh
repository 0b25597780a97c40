#!/usr/bin/env bash
# Renders every HTML output of wa-onboard with the command line (entry-point snippets, checklist e-mails and project
# manager sheets, for every profile and language) and validates it with html-validate 9 (11.x needs Node 22).
# Snippets are fragments: each is placed in the body of a minimal page, as a site would include it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$here/out"
packets="$repo/tests/WaOnboard.Tests/Templates/Packets"
rm -rf "$out" && mkdir -p "$out"

cd "$here"
if [ ! -x node_modules/.bin/html-validate ]; then
  npm install --no-audit --no-fund
fi

dotnet build "$repo/src/WaOnboard.Cli" -nologo -v quiet >/dev/null
cli() { dotnet run --no-build --project "$repo/src/WaOnboard.Cli" -- "$@"; }

hostile='Hello "you" <script>alert(1)</script> & مرحبا 😀'
for profile in engage-digital 8x8 generic; do
  for kind in button floating-button contact-page email-signature; do
    cli snippet "$kind" --packet "$packets/$profile.yaml" --text "$hostile" --out "$out/$kind.$profile.fragment"
  done
  for lang in en fr; do
    for audience in customer pm; do
      cli checklist "$packets/$profile.yaml" --lang "$lang" --audience "$audience" --format html --out "$out/checklist.$profile.$lang.$audience.html"
    done
  done
done
cli snippet button --phone "+33 1 42 00 00 00" --out "$out/button.phone.fragment"
for kind in button floating-button contact-page email-signature; do
  cli snippet "$kind" --phone "+33 6 12 34 56 78" --lang fr --out "$out/$kind.fr.fragment"
done

# A snippet's <style> block goes in the page's <head>, as its first comment says; the rest goes in the body.
for fragment in "$out"/*.fragment; do
  {
    printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Snippet</title>\n'
    perl -0777 -ne 'print $1 if m{(<style>.*?</style>\n)}s' "$fragment"
    printf '</head>\n<body>\n'
    perl -0777 -pe 's{<style>.*?</style>\n}{}s' "$fragment"
    printf '</body>\n</html>\n'
  } > "${fragment%.fragment}.html"
done

count=$(ls "$out"/*.html | wc -l)
npx html-validate --config "$here/htmlvalidate.config.cjs" "$out"/*.html
echo "html-validate: $count rendered pages are valid."
