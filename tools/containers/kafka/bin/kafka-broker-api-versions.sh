#!/usr/bin/env bash
# As in the Kafka distribution (docker-compose.yml's health check runs it).
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
