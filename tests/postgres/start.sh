#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the registry tests: Debian's postgresql package (installed when missing), a
# temporary data directory owned by the postgres user (the server refuses to run as root), a free loopback port,
# trust authentication on 127.0.0.1 only, and one database. Writes to ENV_FILE the variables the tests read:
#   WA_ONBOARD_TEST_POSTGRES  the connection string of the database
#   WA_ONBOARD_TEST_POSTGRES_DATA  the data directory, for tests/postgres/stop.sh
# Usage: bash tests/postgres/start.sh ENV_FILE   (then: . ENV_FILE; ...; bash tests/postgres/stop.sh ENV_FILE)
set -euo pipefail
env_file="${1:?usage: start.sh ENV_FILE}"

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(bin_dir)" ] || [ ! -x "$(bin_dir)/pg_ctl" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
fi
bin="$(bin_dir)"
[ -x "$bin/pg_ctl" ] || { echo "start.sh: no pg_ctl after installing postgresql" >&2; exit 1; }

# As root, run the server as the postgres user the package creates; as anyone else, as oneself.
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  run_as=(runuser -u postgres --)
fi

data="$(mktemp -d /tmp/wa-onboard-pg.XXXXXX)"
[ ${#run_as[@]} -eq 0 ] || chown postgres "$data"
"${run_as[@]}" "$bin/initdb" -D "$data/db" -U postgres --auth=trust --no-sync -E UTF8 >"$data/initdb.log" 2>&1 \
  || { cat "$data/initdb.log" >&2; exit 1; }

# A free port: ask the kernel for one, then let the server take it (retry if another process was faster).
started=
for _ in 1 2 3 4 5; do
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000)))"
  if "${run_as[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 30 \
       -o "-h 127.0.0.1 -p $port -k $data -c fsync=on -c max_connections=200" start >/dev/null; then
    started=1
    break
  fi
done
[ -n "$started" ] || { cat "$data/server.log" >&2; exit 1; }

"${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres wa_onboard_test
cat >"$env_file" <<VARS
export WA_ONBOARD_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Database=wa_onboard_test;Username=postgres'
export WA_ONBOARD_TEST_POSTGRES_DATA='$data'
VARS
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $data)"
