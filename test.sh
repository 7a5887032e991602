#!/usr/bin/env bash
# README's test command: installs what the tests need on a fresh machine when it is missing, then runs every test.
#   ./test.sh                  every test of FaceCompliance.sln
#   ./test.sh ARGS...          passes ARGS to `dotnet test FaceCompliance.sln` (e.g. --filter ...)
# Needs the .NET 10 SDK and Node.js/npm (the build fetches the face models with npm). Installs with apt-get, as root
# or through sudo: Chromium and its driver (the browser test drives them) and a Chinese font (readable zh-CN
# screenshots), and Debian's postgresql (a throw-away server for the PostgreSQL store's tests, see below). Set
# FACECOMPLIANCE_NO_INSTALL=1 to install nothing and only check.
set -euo pipefail
cd "$(dirname "$0")"

missing() { echo "test.sh: $*" >&2; exit 1; }
command -v dotnet >/dev/null 2>&1 || missing "the .NET SDK is not on PATH: install the .NET 10 SDK (https://dot.net)."
command -v npm >/dev/null 2>&1 || missing "npm is not on PATH: install Node.js with npm; the build fetches the face models with it."

apt_updated=0
apt_install() {
  if [ "${FACECOMPLIANCE_NO_INSTALL:-0}" = "1" ]; then
    missing "missing $* (FACECOMPLIANCE_NO_INSTALL=1, so nothing is installed)."
  fi
  command -v apt-get >/dev/null 2>&1 || missing "missing $*, and this machine has no apt-get: install them by hand."
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || missing "need root or sudo to apt-get install $*."
    sudo=(sudo)
  fi
  if [ "$apt_updated" -eq 0 ]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# tests/FaceCompliance.Browser.Tests drives Debian's Chromium through its chromedriver; it fails (not skips) without them.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "test.sh: installing chromium and chromium-driver for the browser test"
  apt_install chromium chromium-driver
fi

# A Chinese font, so that the zh-CN notice in the browser test's screenshots is readable (the test itself compares text).
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "test.sh: installing fonts-wqy-microhei for readable zh-CN screenshots"
  apt_install fonts-wqy-microhei || echo "test.sh: warning: no Chinese font installed; zh-CN screenshots will show boxes" >&2
fi

# The PostgreSQL store's tests (tests/FaceCompliance.Stores.Tests) need a server: unless FACECOMPLIANCE_TEST_POSTGRES
# names one (an Npgsql connection string of a role that may CREATE DATABASE), a throw-away server is started here with
# Debian's PostgreSQL: initdb into a temporary folder, listening only on a Unix socket in that folder, stopped and
# deleted when this script exits. initdb refuses to run as root, so as root the server runs as the user postgres.
pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

# The fault tests (PostgreSqlRestartTests) start a private server of their own and restart it: they get Debian's bin
# folder (initdb, pg_ctl) in FACECOMPLIANCE_TEST_PG_BIN and, as root, the command prefix that runs them as the user
# postgres in FACECOMPLIANCE_TEST_PG_AS.
find_postgres() {
  pg_bin_dir=$(pg_bin)
  if [ -z "$pg_bin_dir" ]; then
    echo "test.sh: installing postgresql for the PostgreSQL store's tests"
    apt_install postgresql
    pg_bin_dir=$(pg_bin)
    [ -n "$pg_bin_dir" ] || missing "postgresql was installed but no initdb was found in /usr/lib/postgresql/*/bin."
  fi
  pg_as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || missing "running as root, and there is no user postgres to run the test server as (initdb refuses root)."
    pg_as=(runuser -u postgres --)
  fi
  export FACECOMPLIANCE_TEST_PG_BIN="$pg_bin_dir"
  export FACECOMPLIANCE_TEST_PG_AS="${pg_as[*]}"
}

start_test_postgres() {
  local bin="$pg_bin_dir"
  local as=("${pg_as[@]}")
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/facecompliance-pg.XXXXXX")
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  "${as[@]}" "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; missing "initdb failed (log above)."; }
  "${as[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-k $pg_dir -c listen_addresses='' -c max_connections=200 -c fsync=off" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; missing "the test PostgreSQL server did not start (log above)."; }
  pg_stop=("${as[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop)
  trap stop_test_postgres EXIT
  export FACECOMPLIANCE_TEST_POSTGRES="Host=$pg_dir;Port=5432;Username=postgres;Database=postgres"
  echo "test.sh: PostgreSQL test server on the Unix socket in $pg_dir"
}

stop_test_postgres() {
  "${pg_stop[@]}" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}

find_postgres
if [ -z "${FACECOMPLIANCE_TEST_POSTGRES:-}" ]; then
  start_test_postgres
fi

# Not exec: the trap stops the PostgreSQL server when the tests end.
dotnet test FaceCompliance.sln "$@"
