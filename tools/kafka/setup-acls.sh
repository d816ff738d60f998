#!/bin/sh
# kafka-setup of docker-compose.secure.yml, in the apache/kafka image: as the broker's PLAIN user "admin"
# (STOCKALERTS_KAFKA_ADMIN_PASSWORD), creates or updates the SCRAM-SHA-512 user of each service (passwords in
# SCRAM_api_service, SCRAM_alert_consumer, SCRAM_persistence_consumer, SCRAM_analytics_consumer; letters, digits and
# "-_.!" only, as kafka-configs.sh parses them), then adds the ACLs of acls.csv beside this script. Safe to run again.
#   setup-acls.sh BOOTSTRAP_SERVERS
set -eu
BOOTSTRAP="$1"
DIR="$(dirname "$0")"
KAFKA=/opt/kafka/bin
CONFIG="$(mktemp)"
trap 'rm -f "$CONFIG"' EXIT
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=%s required username="admin" password="%s";\n' \
  org.apache.kafka.common.security.plain.PlainLoginModule "$STOCKALERTS_KAFKA_ADMIN_PASSWORD" >"$CONFIG"

for user in api-service alert-consumer persistence-consumer analytics-consumer; do
  password="$(printenv "SCRAM_$(echo "$user" | tr - _)")"
  "$KAFKA/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --alter \
    --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]" >/dev/null
  echo "kafka-setup: SCRAM user $user"
done

grep -v '^#' "$DIR/acls.csv" | while IFS=, read -r user resource pattern name operations; do
  [ -n "$user" ] || continue
  set --
  for operation in $operations; do
    set -- "$@" --operation "$operation"
  done
  "$KAFKA/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --add \
    --allow-principal "User:$user" "--$resource" "$name" --resource-pattern-type "$pattern" "$@" >/dev/null
  echo "kafka-setup: User:$user may $operations on $resource $pattern $name"
done
