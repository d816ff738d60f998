#!/usr/bin/env bash
# Analytics benchmarks: ticks/s through the analytics topology.
#   benchmarks/run-analytics.sh processor [ticks=2000000] [symbols=200] [warm-up=500000]
#       the topology's work on one thread, without Kafka I/O (AnalyticsProcessorBenchmark)
#   benchmarks/run-analytics.sh broker [ticks=1000000] [symbols=200] [stream threads=2]
#       Kafka Streams with exactly_once_v2 on an in-process KRaft broker (AnalyticsBrokerBenchmark)
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"
case "${1:-processor}" in
  processor) main=AnalyticsProcessorBenchmark ;;
  broker) main=AnalyticsBrokerBenchmark ;;
  *) echo "usage: $0 processor|broker [args]" >&2; exit 2 ;;
esac
shift || true
run_benchmark -Xmx1g "$main" "$@"
