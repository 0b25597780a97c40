#!/usr/bin/env bash
# Stops the PostgreSQL that tests/postgres/start.sh started and removes its data directory.
# Usage: bash tests/postgres/stop.sh ENV_FILE
set -uo pipefail
env_file="${1:?usage: stop.sh ENV_FILE}"
[ -f "$env_file" ] || exit 0
# shellcheck disable=SC1090
. "$env_file"
data="${WA_ONBOARD_TEST_POSTGRES_DATA:-}"
[ -n "$data" ] && [ -d "$data/db" ] || exit 0
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ "$(id -u)" -eq 0 ]; then
  runuser -u postgres -- "$bin/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null
else
  "$bin/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null
fi
rm -rf "$data"
