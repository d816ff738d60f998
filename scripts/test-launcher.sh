#!/usr/bin/env bash
# Script test of ./stock-alerts: start (foreground), every service ready, a second start refused, a clash on a
# port refused, status (with lags), doctor (running and stopped), import-seed from a Go database into the running
# system, redrive refusing a topic that is not a dead-letter topic, stop in order, and a restart that keeps the
# Kafka data and the database.
#
# Runs on its own data folder, its own free ports (from an env file, as a user's .env would set them) and its own
# database, so it never touches a developer's .data/ or services. Needs the service jars (./mvnw package or
# verify first; STOCK_ALERTS_BUILD=auto lets the launcher build them), psql and curl. Every wait is bounded and
# everything it started is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/stock-alerts"
READY_TIMEOUT="${LAUNCHER_TEST_READY_TIMEOUT:-300}"
DATABASE="stock_alerts_launcher_test"
SEED_DATABASE="stock_alerts_launcher_seed"
TOPIC="launcher-test"

# shellcheck source=scripts/test-lib.sh
source "$ROOT/scripts/test-lib.sh"

for tool in psql curl; do
  command -v "$tool" >/dev/null || {
    echo "$tool is required by this test" >&2
    exit 1
  }
done

WORK="$(mktemp -d)"
export STOCK_ALERTS_DATA_DIR="$WORK/data"
export STOCK_ALERTS_ENV_FILE="$WORK/test.env"
# the launcher generates its webhook secrets key when none is set; this test checks that it does
unset STOCKALERTS_SECRETS_KEY
export STOCK_ALERTS_BUILD="${STOCK_ALERTS_BUILD:-never}"
export STOCK_ALERTS_READY_TIMEOUT="$READY_TIMEOUT"
unset API_PORT ALERT_CONSUMER_PORT PERSISTENCE_CONSUMER_PORT ANALYTICS_CONSUMER_PORT KAFKA_PORT KAFKA_CONTROLLER_PORT
unset API_MANAGEMENT_PORT ALERT_CONSUMER_MANAGEMENT_PORT PERSISTENCE_CONSUMER_MANAGEMENT_PORT
unset ANALYTICS_CONSUMER_MANAGEMENT_PORT STOCKALERTS_MANAGEMENT_ADDRESS
unset KAFKA_BOOTSTRAP_SERVERS STOCK_ALERTS_KAFKA DATABASE_URL
PG_HOST="${LAUNCHER_TEST_PG_HOST:-127.0.0.1}"
PG_PORT="${LAUNCHER_TEST_PG_PORT:-5432}"
export PGUSER="${DATABASE_USER:-postgres}" PGPASSWORD="${DATABASE_PASSWORD:-}"

psql_admin() { psql -X -q -t -A -h "$PG_HOST" -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_test() { psql -X -q -t -A -h "$PG_HOST" -p "$PG_PORT" -d "$DATABASE" -v ON_ERROR_STOP=1 "$@"; }

FIRST_LAUNCHER=""
cleanup() {
  "$LAUNCHER" stop >/dev/null 2>&1 || true
  if [ -n "$FIRST_LAUNCHER" ] && kill -0 "$FIRST_LAUNCHER" 2>/dev/null; then
    kill -KILL "$FIRST_LAUNCHER" 2>/dev/null || true
  fi
  psql_admin -c "DROP DATABASE IF EXISTS $DATABASE" >/dev/null 2>&1 || true
  psql_admin -c "DROP DATABASE IF EXISTS $SEED_DATABASE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

BASE="$(free_ports 10)"
cat >"$STOCK_ALERTS_ENV_FILE" <<EOF
# ports as a user's .env sets them
API_PORT=$BASE
ALERT_CONSUMER_PORT=$((BASE + 1))
PERSISTENCE_CONSUMER_PORT=$((BASE + 2))
export ANALYTICS_CONSUMER_PORT=$((BASE + 3))
KAFKA_PORT="$((BASE + 4))"
KAFKA_CONTROLLER_PORT='$((BASE + 5))'
API_MANAGEMENT_PORT=$((BASE + 6))
ALERT_CONSUMER_MANAGEMENT_PORT=$((BASE + 7))
PERSISTENCE_CONSUMER_MANAGEMENT_PORT=$((BASE + 8))
ANALYTICS_CONSUMER_MANAGEMENT_PORT=$((BASE + 9))
DATABASE_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE
EOF
SERVICE_PORTS=("$BASE" $((BASE + 1)) $((BASE + 2)) $((BASE + 3)))
MANAGEMENT_PORTS=($((BASE + 6)) $((BASE + 7)) $((BASE + 8)) $((BASE + 9)))
KAFKA_BOOTSTRAP="127.0.0.1:$((BASE + 4))"
psql_admin -c "DROP DATABASE IF EXISTS $DATABASE" >/dev/null

# Waits (bounded) until the file shows the pattern; fails early when the given process has gone.
wait_for_line() {
  local file="$1" pattern="$2" pid="$3" deadline=$((SECONDS + READY_TIMEOUT))
  until grep -q -- "$pattern" "$file" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 40 "$file" >&2 || true
      return 1
    fi
    sleep 1
  done
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1"; }

# Full health (Kafka, PostgreSQL) on each actuator's port.
all_healthy() {
  local port
  for port in "${MANAGEMENT_PORTS[@]}"; do
    [ "$(http_code "http://127.0.0.1:$port/actuator/health")" = 200 ] || return 1
  done
}

# The services' own ports: the probes, and no actuator.
only_probes_on_service_ports() {
  local port
  for port in "${SERVICE_PORTS[@]}"; do
    [ "$(http_code "http://127.0.0.1:$port/livez")" = 200 ] || return 1
    [ "$(http_code "http://127.0.0.1:$port/readyz")" = 200 ] || return 1
    [ "$(http_code "http://127.0.0.1:$port/actuator/health")" = 404 ] || return 1
    [ "$(http_code "http://127.0.0.1:$port/actuator/prometheus")" = 404 ] || return 1
  done
}

all_ports_free() {
  local port
  for port in "${SERVICE_PORTS[@]}" "${MANAGEMENT_PORTS[@]}" $((BASE + 4)) $((BASE + 5)); do
    port_free "$port" || return 1
  done
}

no_component_left() {
  local file pid
  for file in "$STOCK_ALERTS_DATA_DIR"/run/*.pid; do
    [ -f "$file" ] || continue
    pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null; then return 1; fi
  done
}

no_log_follower_left() {
  local deadline=$((SECONDS + 10))
  while pgrep -f -- "-F $STOCK_ALERTS_DATA_DIR/logs/" >/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

exits_within() {
  local pid="$1" seconds="$2" deadline
  deadline=$((SECONDS + seconds))
  while kill -0 "$pid" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

JAVA="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; fi
kafka_tool() {
  timeout 90 "$JAVA" -cp "$STOCK_ALERTS_DATA_DIR/lib/*" \
    "-Dlog4j2.configurationFile=$STOCK_ALERTS_DATA_DIR/kafka/tools-log4j2.properties" "$@"
}
produce_record() {
  echo "kept-across-restarts" | kafka_tool org.apache.kafka.tools.ConsoleProducer \
    --bootstrap-server "$KAFKA_BOOTSTRAP" --topic "$TOPIC" --producer-property acks=all >/dev/null 2>&1
}
record_kept() {
  kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA_BOOTSTRAP" --topic "$TOPIC" \
    --from-beginning --max-messages 1 --timeout-ms 30000 2>/dev/null | grep -qx "kept-across-restarts"
}
# On JDK 25+ the launcher trains each service's AOT cache in the background after the first start (bounded wait).
JDK_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
caches_trained() {
  local deadline=$((SECONDS + 600)) service
  for service in api-service alert-consumer persistence-consumer analytics-consumer; do
    until [ -s "$STOCK_ALERTS_DATA_DIR/app/$service/app.aot" ]; do
      [ "$SECONDS" -lt "$deadline" ] || return 1
      sleep 2
    done
  done
  # the training logs "is ready" just after it moved the cache into place: wait for the line too
  until [ "$(grep -c "AOT cache is ready" "$STOCK_ALERTS_DATA_DIR/logs/aot-training.log")" = 4 ]; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 1
  done
}
# Each service runs from its extracted jar with its cache, and its JVM mapped the cache: VM.info's mapped archive is
# the cache (85-155 MB), not the JDK's default class-data archive (about 14 MB), which a JVM maps without one.
services_use_their_caches() {
  local service pid mapped
  for service in api-service alert-consumer persistence-consumer analytics-consumer; do
    pid="$(cat "$STOCK_ALERTS_DATA_DIR/run/$service.pid")"
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-XX:AOTCache=$STOCK_ALERTS_DATA_DIR/app/$service/app.aot " ||
      return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-jar $STOCK_ALERTS_DATA_DIR/app/$service/jar/$service-" || return 1
    mapped="$("$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd" "$pid" VM.info 2>/dev/null |
      sed -n 's/^CDS archive(s) mapped at: .*, size \([0-9]*\),.*/\1/p')"
    [ "${mapped:-0}" -ge 40000000 ] || return 1
  done
}
four_healthy_in_status() { [ "$("$LAUNCHER" status | grep -c 'health UP')" = 4 ]; }
four_lags_in_status() { [ "$("$LAUNCHER" status | grep -c 'health UP, lag [0-9]')" = 4 ]; }
doctor_finds_nothing() { "$LAUNCHER" doctor | grep -q "nothing to fix"; }
doctor_sees_own_ports() { [ "$("$LAUNCHER" doctor | grep -c "is this system's own, running")" = 10 ]; }
status_says_stopped() { ! "$LAUNCHER" status >/dev/null; }

database_exists() { [ "$(psql_admin -c "SELECT count(*) FROM pg_database WHERE datname = '$DATABASE'")" = 1 ]; }
schema_history_rows() { psql_test -c "SELECT count(*) FROM api.flyway_schema_history"; }
migrations_kept() {
  local now
  now="$(schema_history_rows)" && [ "$now" -gt 0 ] && [ "$now" = "$HISTORY_BEFORE" ]
}
contains() { grep -q -- "$2" "$1"; }
fails_saying() {
  local expected="$1" output
  shift
  if output="$(timeout 60 "$@" 2>&1)"; then
    echo "  expected a refusal, but it succeeded: $output" >&2
    return 1
  fi
  grep -q -- "$expected" <<<"$output" || {
    echo "  expected '$expected' in: $output" >&2
    return 1
  }
}

# The Go version's sample database (test-support's goseed fixture, good and bad rows) imported into the running
# system: the bad rows are skipped (exit 2), and the first imported user's new key opens their portfolio.
import_seed() {
  local keys="$WORK/seed-keys.tsv" status=0 user key
  psql_admin -c "SET client_min_messages TO warning" -c "DROP DATABASE IF EXISTS $SEED_DATABASE" \
    -c "CREATE DATABASE $SEED_DATABASE" >/dev/null || return 1
  psql -X -q -h "$PG_HOST" -p "$PG_PORT" -d "$SEED_DATABASE" -v ON_ERROR_STOP=1 \
    -f "$ROOT/test-support/src/main/resources/goseed/schema.sql" \
    -f "$ROOT/test-support/src/main/resources/goseed/sample.sql" >/dev/null || return 1
  timeout 300 "$LAUNCHER" import-seed --from "jdbc:postgresql://$PG_HOST:$PG_PORT/$SEED_DATABASE" --user "$PGUSER" \
    --password "$PGPASSWORD" --keys-out "$keys" >"$WORK/import.txt" 2>&1 || status=$?
  [ "$status" -eq 2 ] || {
    echo "  expected exit status 2 (rows skipped), got $status:" >&2
    cat "$WORK/import.txt" >&2
    return 1
  }
  [ "$(stat -c %a "$keys")" = 600 ] && [ "$(wc -l <"$keys")" -eq 2 ] || return 1
  IFS=$'\t' read -r _ user _ key <"$keys"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" \
    "http://127.0.0.1:$BASE/users/$user/portfolio")" = 200 ]
}

# --- first start, in the foreground as a user runs it -------------------------------------------------------
echo "starting ./stock-alerts on ports $BASE-$((BASE + 9)), data in $STOCK_ALERTS_DATA_DIR"
CONSOLE="$WORK/console.txt"
"$LAUNCHER" start >"$CONSOLE" 2>&1 &
FIRST_LAUNCHER=$!
check "the first start reports ready within ${READY_TIMEOUT}s" wait_for_line "$CONSOLE" "Stock Alerts is up" "$FIRST_LAUNCHER"
check "the missing database was created" database_exists
check "every service answers /actuator/health with 200 on its management port" all_healthy
check "every service's own port answers /livez and /readyz, and 404 for /actuator" only_probes_on_service_ports
check "the banner names the API and Swagger UI" contains "$CONSOLE" "http://localhost:$BASE/swagger-ui.html"
check "the banner names the dashboard" contains "$CONSOLE" "Dashboard    http://localhost:$BASE/"
check "the web dashboard is served at / of the API" serves_dashboard "http://127.0.0.1:$BASE"
for name in api alert persistence analytics; do
  check "the console shows [$name] lines" contains "$CONSOLE" "^\\[$name\\] "
done
for service in api-service alert-consumer persistence-consumer analytics-consumer kafka; do
  check "$service keeps its log in logs/$service.log" test -s "$STOCK_ALERTS_DATA_DIR/logs/$service.log"
done
check "a record is written to Kafka" produce_record
check "status reports four healthy services" four_healthy_in_status
check "status shows each service's consumer lag" four_lags_in_status
check "doctor finds every port this system's own while it runs" doctor_sees_own_ports
check "a second start is refused while one runs" fails_saying "already running" "$LAUNCHER" start --detach
check "the first launcher still runs after the refused start" kill -0 "$FIRST_LAUNCHER"
check "another instance on the same ports is refused" fails_saying "is already taken" \
  env STOCK_ALERTS_DATA_DIR="$WORK/other" "$LAUNCHER" start --detach
check "help lists import-seed" contains <("$LAUNCHER" help) "import-seed"
check "import-seed refuses an unknown argument by name" fails_saying "unknown argument '--nope'" \
  "$LAUNCHER" import-seed --nope
check "import-seed imports a Go database into the running system" import_seed
check "help lists redrive" contains <("$LAUNCHER" help) "redrive TOPIC.DLT"
check "redrive refuses a topic that is not a dead-letter topic" fails_saying "not a dead-letter topic" \
  "$LAUNCHER" redrive stock-prices
check "the launcher generated the webhook secrets key in the data folder" test -s "$STOCK_ALERTS_DATA_DIR/secrets.key"
SECRETS_KEY_BEFORE="$(cat "$STOCK_ALERTS_DATA_DIR/secrets.key" || echo "no key")"
HISTORY_BEFORE="$(schema_history_rows || echo "no history")"
CLUSTER_ID="$(cat "$STOCK_ALERTS_DATA_DIR/kafka/cluster.id" || echo "no cluster id")"

if [ "$JDK_MAJOR" -ge 25 ]; then
  check "the AOT caches of the four services are trained in the background" caches_trained
fi

# --- stop ---------------------------------------------------------------------------------------------------
check "stop succeeds" timeout 120 "$LAUNCHER" stop
check "the foreground launcher has ended" exits_within "$FIRST_LAUNCHER" 30
check "no component is left running" no_component_left
check "no log follower is left behind" no_log_follower_left
check "every port is free again" all_ports_free
check "the console said everything stopped" contains "$CONSOLE" "^\[launcher\] stopped"
check "status says nothing runs" status_says_stopped
check "doctor finds nothing to fix once it is stopped" doctor_finds_nothing

# --- restart, detached --------------------------------------------------------------------------------------
check "a restart is ready within ${READY_TIMEOUT}s" timeout "$((READY_TIMEOUT + 30))" "$LAUNCHER" start --detach
check "every service is healthy after the restart" all_healthy
check "Kafka kept its cluster (storage not formatted again)" test "$(cat "$STOCK_ALERTS_DATA_DIR/kafka/cluster.id")" = "$CLUSTER_ID"
check "Kafka kept the record written before the restart" record_kept
check "the database kept its migrations" migrations_kept
check "the webhook secrets key is kept" test "$(cat "$STOCK_ALERTS_DATA_DIR/secrets.key")" = "$SECRETS_KEY_BEFORE"
if [ "$JDK_MAJOR" -ge 25 ]; then
  check "every service restarted from its extracted jar with its AOT cache, and mapped it" services_use_their_caches
fi
check "stop after the restart succeeds" timeout 120 "$LAUNCHER" stop
check "no component is left running after the second stop" no_component_left

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
