#!/usr/bin/env bash
# The container stage (run by .ci/run after ./mvnw verify, and on its own): the four service images built with the
# project's Dockerfile and run with the project's docker-compose.yml, on a private Docker daemon.
#
#   1. Installs docker.io, docker-compose and debootstrap when missing (Debian), and starts dockerd on a socket and
#      data root of its own (CONTAINER_TEST_DIR, default /var/tmp/stock-alerts-docker) unless one answers there;
#      never the default /var/run/docker.sock, which Testcontainers would then use in ./mvnw verify.
#   2. Builds, once, local stand-ins for the Docker Hub base images (Docker Hub is out of reach here): Debian 12 from
#      debootstrap, eclipse-temurin:<N>-jdk/-jre from it plus this machine's JDK N, apache/kafka from the broker jars
#      on Maven Central, and PostgreSQL from Debian's packages (tools/containers/).
#   3. Builds the four service images with the Dockerfile, as docker-compose.yml names them.
#   4. Runs docker-compose.yml plus tools/containers/compose.host.yml (host network, loopback addresses, two ports per
#      service: its own and its actuator's), the database named by the Go version's DB_NAME and DB_PASSWORD, and
#      checks: every service healthy through its image's HEALTHCHECK and UP on Kafka and PostgreSQL on its actuator's
#      port, running as a non-root user, its own port answering /livez and /readyz but 404 for /actuator;
#      db-bootstrap done and every service logged in as its own role (docs/operations.md, "Database roles"); through
#      the API, a registered user's holding and rule fire an alert within 30 s; every service stops on SIGTERM
#      within 30 s. Then `down -v`.
# Everything it started (containers, volumes, the daemon it started) is stopped on exit, also on failure. Images and
# the stand-ins stay in the data root, so a second run builds only what changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STAGE_START=$SECONDS
WORK_DIR="${CONTAINER_TEST_DIR:-/var/tmp/stock-alerts-docker}"
SOCKET="$WORK_DIR/docker.sock"
HEALTHY_TIMEOUT="${CONTAINER_TEST_HEALTHY_TIMEOUT:-420}"
ALERT_TIMEOUT="${CONTAINER_TEST_ALERT_TIMEOUT:-30}"
STOP_TIMEOUT=30
PROJECT="stock-alerts-container-test"
SERVICES=(api-service alert-consumer persistence-consumer analytics-consumer)
STANDIN_DEBIAN="stock-alerts-standin/debian:bookworm"
STANDIN_POSTGRES="stock-alerts-standin/postgres:15"
IMAGE_NAMESPACE="stockalerts"
IMAGE_TAG="container-test"

say() { echo "container test: $*"; }
die() {
  echo "container test: $*" >&2
  exit 1
}

# shellcheck source=scripts/test-lib.sh
source "$ROOT/scripts/test-lib.sh"

# ---------------------------------------------------------------------------------------------------- packages
apt_updated=false
apt_install() {
  [ "$(id -u)" -eq 0 ] || die "$* missing; install it (apt-get install $*) or run as root, then run scripts/container-test.sh again"
  if [ "$apt_updated" = false ]; then
    apt-get update -qq || die "apt-get update failed: the Debian packages $* cannot be installed"
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

[ -x /usr/bin/dockerd ] || apt_install docker.io
command -v debootstrap >/dev/null || apt_install debootstrap
command -v curl >/dev/null || apt_install curl
# resolve_stack below edits the merged compose file with PyYAML
/usr/bin/python3 -c 'import yaml' 2>/dev/null || apt_install python3-yaml
if [ -x /usr/bin/docker ]; then
  # Debian's client, the daemon's own version (a newer client elsewhere on PATH may want BuildKit)
  DOCKER=(/usr/bin/docker)
else
  DOCKER=(docker)
fi
if "${DOCKER[@]}" compose version >/dev/null 2>&1; then
  COMPOSE=("${DOCKER[@]}" compose)
else
  command -v docker-compose >/dev/null || apt_install docker-compose
  COMPOSE=(docker-compose)
fi
export DOCKER_HOST="unix://$SOCKET"
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0

# ---------------------------------------------------------------------------------------------------- cleanup
DAEMON_PID=""
COMPOSE_UP=false
# The stack as compose itself merges docker-compose.yml and the override, less the published ports: Debian's
# docker-compose 1.29 refuses `ports` on the host network (Compose v2 would ignore them, and the override cannot
# remove a list the real file sets).
resolve_stack() {
  "${COMPOSE[@]}" --env-file "$ENV_FILE" -f docker-compose.yml -f tools/containers/compose.host.yml config |
    /usr/bin/python3 -c '
import sys, yaml
stack = yaml.safe_load(sys.stdin)
for service in stack["services"].values():
    if service.get("network_mode") == "host":
        service.pop("ports", None)
yaml.safe_dump(stack, sys.stdout, sort_keys=False)
' >"$STACK_FILE"
}
compose() { "${COMPOSE[@]}" -p "$PROJECT" -f "$STACK_FILE" "$@"; }
cleanup() {
  local status=$?
  set +e
  if [ "$COMPOSE_UP" = true ]; then
    compose down -v --remove-orphans -t "$STOP_TIMEOUT" >/dev/null 2>&1
  fi
  if [ -n "$DAEMON_PID" ] && kill -0 "$DAEMON_PID" 2>/dev/null; then
    kill -TERM "$DAEMON_PID"
    for _ in $(seq 1 60); do
      kill -0 "$DAEMON_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$DAEMON_PID" 2>/dev/null && kill -KILL "$DAEMON_PID"
    # the daemon leaves its default network namespace mounted
    umount "$WORK_DIR/exec/netns/default" 2>/dev/null
  fi
  rm -rf "${BUILD_CONTEXT:-}" "${ENV_FILE:-}"
  [ "$status" -eq 0 ] || echo "container stage: failed after $((SECONDS - STAGE_START)) s"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------- daemon
mkdir -p "$WORK_DIR"
if "${DOCKER[@]}" info >/dev/null 2>&1; then
  say "using the Docker daemon already answering on $SOCKET"
else
  [ "$(id -u)" -eq 0 ] || die "dockerd needs root: run scripts/container-test.sh as root (or with a daemon already on $SOCKET)"
  say "starting dockerd on $SOCKET (data root $WORK_DIR/root, log $WORK_DIR/dockerd.log)"
  rm -f "$SOCKET" "$WORK_DIR/docker.pid"
  storage_driver="${CONTAINER_TEST_STORAGE_DRIVER:-overlay2}"
  # no bridge network and no iptables rules: every container of this test runs on the host's network
  dockerd -H "unix://$SOCKET" --data-root "$WORK_DIR/root" --exec-root "$WORK_DIR/exec" \
    --pidfile "$WORK_DIR/docker.pid" --storage-driver="$storage_driver" \
    --bridge=none --iptables=false --ip6tables=false >"$WORK_DIR/dockerd.log" 2>&1 &
  DAEMON_PID=$!
  for _ in $(seq 1 60); do
    "${DOCKER[@]}" info >/dev/null 2>&1 && break
    kill -0 "$DAEMON_PID" 2>/dev/null || break
    sleep 0.5
  done
  if ! "${DOCKER[@]}" info >/dev/null 2>&1; then
    tail -n 5 "$WORK_DIR/dockerd.log" >&2 || true
    die "dockerd did not start (log: $WORK_DIR/dockerd.log); on a file system without overlay support run with CONTAINER_TEST_STORAGE_DRIVER=vfs"
  fi
fi

# ---------------------------------------------------------------------------------------------------- stand-ins
image_exists() { "${DOCKER[@]}" image inspect "$1" >/dev/null 2>&1; }
build() { "${DOCKER[@]}" build --network host -q "$@" >/dev/null; }

JDK="${JAVA_HOME:-}"
if [ -z "$JDK" ] || [ ! -x "$JDK/bin/javac" ]; then
  JDK="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
JAVA_VERSION="$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ -z "$JAVA_VERSION" ] || [ "$JAVA_VERSION" -lt 21 ]; then
  die "a JDK 21 or newer is needed for the base image stand-in (JAVA_HOME)"
fi
KAFKA_VERSION="$(sed -n 's:.*<kafka.broker.version>\(.*\)</kafka.broker.version>.*:\1:p' tools/launcher/pom.xml)"
BUILD_CONTEXT="$(mktemp -d)"

if ! image_exists "$STANDIN_DEBIAN"; then
  say "building the stand-in $STANDIN_DEBIAN (debootstrap --variant=minbase bookworm)"
  rootfs="$BUILD_CONTEXT/rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "${CONTAINER_TEST_DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
    >"$WORK_DIR/debootstrap.log" 2>&1 || die "debootstrap failed (log: $WORK_DIR/debootstrap.log)"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | "${DOCKER[@]}" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["bash"]' \
    - "$STANDIN_DEBIAN" >/dev/null
  rm -rf "$rootfs"
fi
if ! image_exists "eclipse-temurin:$JAVA_VERSION-jre"; then
  say "building the stand-ins eclipse-temurin:$JAVA_VERSION-jdk and -jre from $JDK"
  mkdir -p "$BUILD_CONTEXT/java"
  cp tools/containers/java/Dockerfile "$BUILD_CONTEXT/java/"
  # links dereferenced: Debian's JDKs link cacerts, jvm.cfg and more into /etc, which the image has not
  cp -rL "$JDK" "$BUILD_CONTEXT/java/openjdk"
  build --build-arg "DEBIAN_IMAGE=$STANDIN_DEBIAN" -t "eclipse-temurin:$JAVA_VERSION-jdk" "$BUILD_CONTEXT/java"
  "${DOCKER[@]}" tag "eclipse-temurin:$JAVA_VERSION-jdk" "eclipse-temurin:$JAVA_VERSION-jre"
  rm -rf "$BUILD_CONTEXT/java"
fi
if ! image_exists "apache/kafka:$KAFKA_VERSION"; then
  say "building the stand-in apache/kafka:$KAFKA_VERSION from the broker jars on Maven Central"
  cp -r tools/containers/kafka "$BUILD_CONTEXT/kafka"
  ./mvnw -B -q -f tools/launcher/pom.xml dependency:copy-dependencies -DoutputDirectory="$BUILD_CONTEXT/kafka/libs" \
    -DexcludeGroupIds=io.zonky.test,io.zonky.test.postgres,org.postgresql || die "could not fetch the Kafka jars"
  build --build-arg "JAVA_VERSION=$JAVA_VERSION" -t "apache/kafka:$KAFKA_VERSION" "$BUILD_CONTEXT/kafka"
fi
if ! image_exists "$STANDIN_POSTGRES"; then
  say "building the stand-in $STANDIN_POSTGRES from Debian's packages"
  build --build-arg "DEBIAN_IMAGE=$STANDIN_DEBIAN" -t "$STANDIN_POSTGRES" tools/containers/postgres
fi

# ---------------------------------------------------------------------------------------------------- images
# the legacy builder sets no BUILDPLATFORM: the daemon's own, so the build stage uses the local stand-in
BUILD_PLATFORM="linux/$("${DOCKER[@]}" version -f '{{.Server.Arch}}')"
for service in "${SERVICES[@]}"; do
  image="$IMAGE_NAMESPACE/stock-alerts-$service:$IMAGE_TAG"
  started=$SECONDS
  "${DOCKER[@]}" build --network host --build-arg "BUILDPLATFORM=$BUILD_PLATFORM" \
    --build-arg "JAVA_VERSION=$JAVA_VERSION" --build-arg "SERVICE=$service" \
    -t "$image" . >"$WORK_DIR/build-$service.log" 2>&1 || {
    tail -n 50 "$WORK_DIR/build-$service.log" >&2
    die "the $service image did not build (log: $WORK_DIR/build-$service.log)"
  }
  say "built $image in $((SECONDS - started)) s"
done

# ---------------------------------------------------------------------------------------------------- compose
for port in 9092 19092 9093; do
  port_free "$port" || die "port $port (a listener of Kafka in docker-compose.yml) is in use on this machine"
done
BASE="$(free_ports 8)" || die "no eight free consecutive ports found"
API_PORT=$BASE
SERVICE_PORTS=("$BASE" $((BASE + 1)) $((BASE + 2)) $((BASE + 3)))
MANAGEMENT_PORTS=($((BASE + 4)) $((BASE + 5)) $((BASE + 6)) $((BASE + 7)))
ENV_FILE="$(mktemp)"
STACK_FILE="$BUILD_CONTEXT/stack.yml"
cat >"$ENV_FILE" <<EOF
IMAGE_NAMESPACE=$IMAGE_NAMESPACE
IMAGE_TAG=$IMAGE_TAG
KAFKA_IMAGE_TAG=$KAFKA_VERSION
POSTGRES_STANDIN_IMAGE=$STANDIN_POSTGRES
CONTAINER_TEST_API_PORT=${SERVICE_PORTS[0]}
CONTAINER_TEST_ALERT_CONSUMER_PORT=${SERVICE_PORTS[1]}
CONTAINER_TEST_PERSISTENCE_CONSUMER_PORT=${SERVICE_PORTS[2]}
CONTAINER_TEST_ANALYTICS_CONSUMER_PORT=${SERVICE_PORTS[3]}
# a key of its own for webhook secrets, handed to api-service and alert-consumer (not the compose file's public one)
STOCKALERTS_SECRETS_KEY=$(head -c 32 /dev/urandom | base64)
CONTAINER_TEST_API_MANAGEMENT_PORT=${MANAGEMENT_PORTS[0]}
CONTAINER_TEST_ALERT_CONSUMER_MANAGEMENT_PORT=${MANAGEMENT_PORTS[1]}
CONTAINER_TEST_PERSISTENCE_CONSUMER_MANAGEMENT_PORT=${MANAGEMENT_PORTS[2]}
CONTAINER_TEST_ANALYTICS_CONSUMER_MANAGEMENT_PORT=${MANAGEMENT_PORTS[3]}
# the Go version's names, which docker-compose.yml reads where POSTGRES_DB and POSTGRES_PASSWORD are unset; no
# DB_USER, so the services log in as their own roles, which db-bootstrap creates with these passwords
DB_NAME=stock_alerts_go
DB_PASSWORD=gopher-secret
STOCKALERTS_DB_API_PASSWORD=api-secret
STOCKALERTS_DB_ALERTING_PASSWORD=alerting-secret
STOCKALERTS_DB_PERSISTENCE_PASSWORD=persistence-secret
EOF

container_of() { compose ps -q "$1"; }
health_of() { "${DOCKER[@]}" inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$1"; }

say "docker-compose.yml up (API on 127.0.0.1:$API_PORT)"
COMPOSE_UP=true
resolve_stack || die "docker-compose config failed on docker-compose.yml and tools/containers/compose.host.yml"
compose down -v --remove-orphans >/dev/null 2>&1 || true
compose up -d --no-build >"$WORK_DIR/compose-up.log" 2>&1 || {
  cat "$WORK_DIR/compose-up.log" >&2
  compose logs --tail 50 >&2 || true
  die "docker-compose up failed"
}

wait_healthy() {
  local service="$1" container status deadline=$((SECONDS + HEALTHY_TIMEOUT))
  container="$(container_of "$service")"
  while :; do
    status="$(health_of "$container")"
    [ "$status" = healthy ] && return 0
    # "unhealthy" is not final: a service still starting on a loaded machine turns healthy at its next check
    if [ "$SECONDS" -ge "$deadline" ] || [ "$("${DOCKER[@]}" inspect -f '{{.State.Running}}' "$container")" != true ]; then
      echo "--- $service is $status; the last 50 lines of its log:" >&2
      "${DOCKER[@]}" logs --tail 50 "$container" >&2 2>&1 || true
      return 1
    fi
    sleep 2
  done
}

for service in kafka postgres "${SERVICES[@]}"; do
  check "$service turns healthy through its image's health check" wait_healthy "$service"
done
[ "$failed" -eq 0 ] || die "$failed service(s) never turned healthy"

runs_as_non_root() {
  local uid
  uid="$("${DOCKER[@]}" exec "$(container_of "$1")" id -u)"
  [ -n "$uid" ] && [ "$uid" != 0 ]
}
# The full health on the actuator's port (the containers share the host's network, so its loopback).
up_on_kafka_and_postgres() {
  local port="$1" service="$2" body
  body="$(curl -s --max-time 10 "http://127.0.0.1:$port/actuator/health")"
  python3 - "$body" "$service" <<'PY'
import json, sys
health = json.loads(sys.argv[1])
components = health.get("components", {})
needed = ["kafka"] + ([] if sys.argv[2] == "analytics-consumer" else ["db"])
missing = [name for name in needed if components.get(name, {}).get("status") != "UP"]
if health.get("status") != "UP" or missing:
    print(f"  {sys.argv[2]}: status {health.get('status')}, not UP: {missing}", file=sys.stderr)
    sys.exit(1)
PY
}
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1"; }
# The service's own port: the probes answer, the actuator does not.
only_probes_on_service_port() {
  local port="$1" path
  for path in /livez /readyz; do
    [ "$(http_code "http://127.0.0.1:$port$path")" = 200 ] || {
      echo "  $path on port $port did not answer 200" >&2
      return 1
    }
  done
  for path in /actuator/health /actuator/prometheus; do
    [ "$(http_code "http://127.0.0.1:$port$path")" = 404 ] || {
      echo "  $path on port $port did not answer 404" >&2
      return 1
    }
  done
}
for index in "${!SERVICES[@]}"; do
  service="${SERVICES[$index]}"
  check "$service runs as a non-root user" runs_as_non_root "$service"
  check "$service is UP on Kafka and PostgreSQL" up_on_kafka_and_postgres "${MANAGEMENT_PORTS[$index]}" "$service"
  check "$service's own port has the probes and no actuator" only_probes_on_service_port "${SERVICE_PORTS[$index]}"
done
bootstrap_succeeded() {
  [ "$("${DOCKER[@]}" inspect -f '{{.State.ExitCode}}' "$(container_of db-bootstrap)")" = 0 ]
}
# the logins of the services' connections: each its own role, none the administrator
services_log_in_as_their_roles() {
  local logins
  logins="$("${DOCKER[@]}" exec -e PGPASSWORD=gopher-secret "$(container_of postgres)" \
    psql -h 127.0.0.2 -U postgres -d stock_alerts_go -At -c \
    "SELECT string_agg(DISTINCT usename, ',' ORDER BY usename) FROM pg_stat_activity
      WHERE datname = 'stock_alerts_go' AND backend_type = 'client backend' AND pid <> pg_backend_pid()")"
  [ "$logins" = "stockalerts_alerting,stockalerts_api,stockalerts_persistence" ] || {
    echo "  the services' logins: $logins" >&2
    return 1
  }
}
check "db-bootstrap created the roles and schemas" bootstrap_succeeded
check "each service logs in as its own role" services_log_in_as_their_roles

# ---------------------------------------------------------------------------------------------------- an alert
API="http://127.0.0.1:$API_PORT"
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
api() {
  local method="$1" path="$2" body="${3:-}" out status
  out="$(mktemp)"
  status="$(curl -s -o "$out" -w '%{http_code}' --max-time 10 -X "$method" "$API$path" \
    -H 'Content-Type: application/json' ${KEY:+-H "Authorization: Bearer $KEY"} ${body:+-d "$body"})"
  cat "$out"
  rm -f "$out"
  case "$status" in 2??) ;; *)
    echo " <- $method $path answered $status" >&2
    return 1
    ;;
  esac
}

alert_fires() {
  local me user_id alert_count deadline
  me="$(api POST /users '{"name": "Container Test", "email": "container-test@example.com"}')" || return 1
  user_id="$(json_field id <<<"$me")"
  KEY="$(json_field apiKey <<<"$me")"
  api POST /portfolio '{"name": "Main", "holdings": [{"symbol": "AAPL", "quantity": 10, "averageCost": 150}]}' \
    >/dev/null || return 1
  api POST /alerts \
    '{"symbol": "AAPL", "condition": "PRICE_ABOVE", "threshold": 1, "triggerMode": "ONCE", "channels": ["IN_APP"]}' \
    >/dev/null || return 1
  deadline=$((SECONDS + ALERT_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    alert_count="$(api GET "/users/$user_id/alerts" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))')" ||
      return 1
    if [ "$alert_count" -gt 0 ]; then
      say "the alert arrived in GET /users/{id}/alerts after $((SECONDS + ALERT_TIMEOUT - deadline)) s"
      return 0
    fi
    sleep 1
  done
  echo "  no alert in GET /users/$user_id/alerts within ${ALERT_TIMEOUT}s" >&2
  return 1
}
check "a holding and a rule through the API fire an alert within ${ALERT_TIMEOUT}s" alert_fires
check "the web dashboard is served at / of the API" serves_dashboard "$API"

# ---------------------------------------------------------------------------------------------------- SIGTERM
stops_on_sigterm() {
  local container started exit_code
  container="$(container_of "$1")"
  started=$SECONDS
  # docker stop sends SIGTERM and SIGKILL only after the timeout; the JVM's exit on SIGTERM is 143
  "${DOCKER[@]}" stop -t "$STOP_TIMEOUT" "$container" >/dev/null
  exit_code="$("${DOCKER[@]}" inspect -f '{{.State.ExitCode}}' "$container")"
  say "$1 stopped in $((SECONDS - started)) s with exit code $exit_code"
  case "$exit_code" in 0 | 143) ;; *)
    "${DOCKER[@]}" logs --tail 50 "$container" >&2 2>&1 || true
    return 1
    ;;
  esac
}
for service in "${SERVICES[@]}"; do
  check "$service stops on SIGTERM within ${STOP_TIMEOUT}s" stops_on_sigterm "$service"
done

compose down -v --remove-orphans -t "$STOP_TIMEOUT" >/dev/null 2>&1
COMPOSE_UP=false
# what earlier builds left untagged; the stand-ins and the current images stay for the next run
"${DOCKER[@]}" image prune -f >/dev/null

echo "container stage: $((SECONDS - STAGE_START)) s"
echo "containers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
