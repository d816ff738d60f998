#!/usr/bin/env bash
# As in the Kafka distribution.
exec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
