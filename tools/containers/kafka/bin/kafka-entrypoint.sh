#!/usr/bin/env bash
# Entry point of the stand-in Kafka image, after the official apache/kafka image: every KAFKA_* variable is a
# broker setting (KAFKA_ dropped, lower case, _ -> ., __ -> _, ___ -> -), CLUSTER_ID formats the log directories
# on the first start, KAFKA_HEAP_OPTS and KAFKA_OPTS are JVM options.
set -euo pipefail
config=/opt/kafka/config

: "${CLUSTER_ID:?CLUSTER_ID must be set (kafka-storage.sh random-uuid makes one)}"

{
  while IFS= read -r variable; do
    case "$variable" in
      KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JMX_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_VERSION) continue ;;
      KAFKA_*) ;;
      *) continue ;;
    esac
    name="${variable#KAFKA_}"
    name="${name,,}"
    name="${name//___/-}"
    name="${name//__/@}"
    name="${name//_/.}"
    name="${name//@/_}"
    printf '%s=%s\n' "$name" "${!variable}"
  done < <(compgen -e)
} >"$config/server.properties"

cat >"$config/log4j2.properties" <<'PROPERTIES'
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = out
logger.state.name = state.change.logger
logger.state.level = warn
PROPERTIES
cat >"$config/tools-log4j2.properties" <<'PROPERTIES'
status = warn
appender.err.type = Console
appender.err.name = err
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %-5p [%c{1}] %m%n
rootLogger.level = warn
rootLogger.appenderRef.err.ref = err
PROPERTIES

/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$CLUSTER_ID" -c "$config/server.properties"

# shellcheck disable=SC2086 # the *_OPTS hold several JVM options
exec java ${KAFKA_HEAP_OPTS:--Xmx1g -Xms1g} ${KAFKA_OPTS:-} -cp "/opt/kafka/libs/*" \
  -Dlog4j2.configurationFile="$config/log4j2.properties" kafka.Kafka "$config/server.properties"
