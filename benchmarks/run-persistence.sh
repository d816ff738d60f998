#!/usr/bin/env bash
# Persistence benchmark: ticks/s from Kafka into PostgreSQL against a raw COPY of the same rows into
# the same table, in one run. Needs the local PostgreSQL (or TEST_DATABASE_URL); starts its own
# in-process Kafka broker. Usage: benchmarks/run-persistence.sh [ticks, default 500000]
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"
run_module_test_class persistence-consumer 3g org.stockalerts.persistence.ticks.PersistenceBenchmark "$@"
