#!/usr/bin/env bash
# Entry point of the stand-in PostgreSQL image, after the official one: on the first start, a cluster in PGDATA
# whose superuser is POSTGRES_USER with POSTGRES_PASSWORD (password login over TCP), and the database POSTGRES_DB;
# then the server, listening on every address unless the arguments say otherwise (`postgres -c name=value ...`).
set -euo pipefail
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"

if [ "${1:-}" != postgres ]; then
  exec "$@"
fi
shift

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --username="$POSTGRES_USER" --pwfile="$password_file" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 -D "$PGDATA" >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    # psql quotes the name (:"db"), but only in what it reads, not in -c
    echo 'CREATE DATABASE :"db"' | psql -X -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -v db="$POSTGRES_DB"
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "PostgreSQL initialised in $PGDATA: user $POSTGRES_USER, database $POSTGRES_DB"
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
