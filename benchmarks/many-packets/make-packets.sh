#!/usr/bin/env bash
# Writes N packet folders (default 1,000) below a folder: copies of examples/engage-digital without the avatar line,
# each with its own business ID and number, in ten team folders. Used to time `wa-onboard validate FOLDER`
# (docs/performance.md, "Many packets").
set -euo pipefail
target="${1:?usage: make-packets.sh FOLDER [COUNT]}"
count="${2:-1000}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
template="$(grep -v '^ *avatar:' "$repo/examples/engage-digital/packet.yaml")"
rm -rf "$target" && mkdir -p "$target"
for i in $(seq 1 "$count"); do
  dir="$target/team-$((i % 10))/packet-$i"
  mkdir -p "$dir"
  id=$(printf '1048576%08d' "$i")
  number=$(printf '+33 6 12 %02d %02d %02d' $((i / 10000 % 100)) $((i / 100 % 100)) $((i % 100)))
  printf '%s\n' "$template" | sed -e "s/104857600000042/$id/" -e "s/+33 6 12 34 56 78/$number/" > "$dir/packet.yaml"
done
echo "$count packets below $target"
