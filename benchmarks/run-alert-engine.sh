#!/usr/bin/env bash
# Alert engine benchmark: rules loaded, start-up, ticks/s, bare-consumer ratio, latency, heap and the seed's
# PostgreSQL approach, all on an in-process KRaft broker (127.0.0.1) and the local PostgreSQL.
# Usage: benchmarks/run-alert-engine.sh [rules 1000000] [symbols 5000] [ticks 500000] [latency rate 5000]
#        [latency seconds 20] [baseline ticks 2000] [tick keys java|crc32|keyless, default java]
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"
run_benchmark '-Xmx3g -XX:+UseG1GC' AlertEngineBenchmark "$@"
