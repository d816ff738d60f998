#!/usr/bin/env bash
# Outbox latency benchmark: commit of an API write to arrival of its event on user-events, through
# the whole api-service on the test infrastructure (in-process Kafka broker, fresh database on the
# local PostgreSQL or TEST_DATABASE_URL). Usage: benchmarks/run-outbox.sh [events, default 500] [pause ms, default 20]
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"
run_module_test_class api-service 1g org.stockalerts.api.outbox.OutboxLatencyBenchmark "$@"
