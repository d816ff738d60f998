#!/usr/bin/env bash
# kafka-run-class.sh of the stand-in image: a class of the Kafka jars, logging warnings and errors to stderr.
set -euo pipefail
# shellcheck disable=SC2086 # KAFKA_OPTS holds several JVM options
exec java ${KAFKA_OPTS:-} -cp "/opt/kafka/libs/*" -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties "$@"
