#!/usr/bin/env bash
# Script test of the settings ./stock-alerts hands to the services, with no Kafka, PostgreSQL or jars (a second):
# the Go version's DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD and KAFKA_BROKER stand in for DATABASE_URL,
# DATABASE_USER, DATABASE_PASSWORD and KAFKA_BOOTSTRAP_SERVERS, the port's names win, and with neither set the
# port's defaults apply; from the environment and from the settings file alike. With no single user given the
# services log in as their own roles (no DATABASE_USER handed on) and the administrator is postgres.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/test-lib.sh
source "$ROOT/scripts/test-lib.sh"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ENV_FILE="$WORK/none.env"

# settings [VAR=VALUE...]: the launcher's load_settings in an environment holding only these variables (and the
# settings file ENV_FILE); prints DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, KAFKA_BOOTSTRAP_SERVERS and the
# administrator that creates the database and the roles.
settings() {
  # shellcheck disable=SC2016 # $1 belongs to the inner shell
  env -i PATH="$PATH" HOME="$WORK" STOCK_ALERTS_DATA_DIR="$WORK/data" STOCK_ALERTS_ENV_FILE="$ENV_FILE" "$@" \
    bash -c 'source "$1" && load_settings &&
      printf "%s|%s|%s|%s|%s\n" "$DATABASE_URL" "${DATABASE_USER-}" "${DATABASE_PASSWORD-}" "$KAFKA_BOOTSTRAP_SERVERS" \
        "$ADMIN_USER"' \
    launcher-settings "$ROOT/stock-alerts"
}

# expect DESCRIPTION EXPECTED [VAR=VALUE...]
expect() {
  local description="$1" expected="$2" actual
  shift 2
  actual="$(settings "$@")"
  check "$description" test "$actual" = "$expected"
  [ "$actual" = "$expected" ] || echo "      expected $expected, got $actual"
}

GO_VERSION=(DB_HOST=db.example DB_PORT=6543 DB_NAME=legacy_alerts DB_USER=gopher DB_PASSWORD=s3cret
  KAFKA_BROKER=broker.example:29092 STOCK_ALERTS_KAFKA=external)
PORT=(DATABASE_URL=jdbc:postgresql://port.example:5432/stock_alerts DATABASE_USER=stockalerts
  DATABASE_PASSWORD=port-secret KAFKA_BOOTSTRAP_SERVERS=kafka.example:9092)

expect "neither name set: the port's defaults, the services' own roles and the launcher's own broker" \
  "jdbc:postgresql://127.0.0.1:5432/stock_alerts|||127.0.0.1:9092|postgres"
expect "only the Go version's names: the URL built from DB_*, its login, KAFKA_BROKER (external Kafka)" \
  "jdbc:postgresql://db.example:6543/legacy_alerts|gopher|s3cret|broker.example:29092|gopher" "${GO_VERSION[@]}"
expect "both names set: the port's win" \
  "jdbc:postgresql://port.example:5432/stock_alerts|stockalerts|port-secret|kafka.example:9092|stockalerts" \
  "${GO_VERSION[@]}" "${PORT[@]}"
expect "only DB_HOST: the rest of the URL is the port's defaults, the logins the roles" \
  "jdbc:postgresql://db.example:5432/stock_alerts|||127.0.0.1:9092|postgres" DB_HOST=db.example
expect "KAFKA_BROKER with the launcher's own broker (STOCK_ALERTS_KAFKA=local): the launcher's broker" \
  "jdbc:postgresql://127.0.0.1:5432/stock_alerts|||127.0.0.1:9092|postgres" KAFKA_BROKER=broker.example:29092
expect "an empty DATABASE_PASSWORD is no password, as in the services" \
  "jdbc:postgresql://127.0.0.1:5432/stock_alerts|alice||127.0.0.1:9092|alice" DATABASE_USER=alice DATABASE_PASSWORD= \
  DB_PASSWORD=s3cret
expect "STOCKALERTS_DB_ADMIN_USER names the administrator" \
  "jdbc:postgresql://127.0.0.1:5432/stock_alerts|||127.0.0.1:9092|dba" STOCKALERTS_DB_ADMIN_USER=dba

printf '%s\n' "${GO_VERSION[@]}" >"$ENV_FILE"
expect "the Go version's names from the settings file (.env)" \
  "jdbc:postgresql://db.example:6543/legacy_alerts|gopher|s3cret|broker.example:29092|gopher"
expect "the port's names from the environment win over the Go version's from the file" \
  "jdbc:postgresql://port.example:5432/stock_alerts|stockalerts|port-secret|kafka.example:9092|stockalerts" "${PORT[@]}"

# secrets_key [VAR=VALUE...]: the key ensure_secrets_key hands to the services, with the data folder $WORK/data
secrets_key() {
  # shellcheck disable=SC2016 # $1 belongs to the inner shell
  env -i PATH="$PATH" HOME="$WORK" STOCK_ALERTS_DATA_DIR="$WORK/data" STOCK_ALERTS_ENV_FILE="$WORK/none.env" "$@" \
    bash -c 'source "$1" && load_settings && ensure_secrets_key >/dev/null && echo "$STOCKALERTS_SECRETS_KEY"' \
    launcher-settings "$ROOT/stock-alerts"
}

rm -f "$WORK/data/secrets.key"
GENERATED="$(secrets_key)"
check "no STOCKALERTS_SECRETS_KEY: a key of 32 random bytes is generated into the data folder" \
  test "$(printf '%s' "$GENERATED" | base64 -d | wc -c)" = 32
check "the generated key is readable by its owner only" test "$(stat -c %a "$WORK/data/secrets.key")" = 600
check "the next start keeps the generated key" test "$(secrets_key)" = "$GENERATED"
check "STOCKALERTS_SECRETS_KEY wins over the generated key" \
  test "$(secrets_key STOCKALERTS_SECRETS_KEY=c2V0LWtleQ==)" = c2V0LWtleQ==

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
