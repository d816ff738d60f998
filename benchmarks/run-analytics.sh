#!/usr/bin/env bash
# Analytics benchmarks: ticks/s through the analytics topology.
#   benchmarks/run-analytics.sh processor [ticks=2000000] [symbols=200] [warm-up=500000]
#       the topology's work on one thread, without Kafka I/O (AnalyticsProcessorBenchmark)
#   benchmarks/run-analytics.sh broker [ticks=1000000] [symbols=200] [stream threads=2]
#       Kafka Streams with exactly_once_v2 on an in-process KRaft broker (AnalyticsBrokerBenchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
case "${1:-processor}" in
  processor) main=AnalyticsProcessorBenchmark ;;
  broker) main=AnalyticsBrokerBenchmark ;;
  *) echo "usage: $0 processor|broker [args]" >&2; exit 2 ;;
esac
shift || true
./mvnw -B -q -P benchmarks -pl benchmarks -am compile dependency:build-classpath \
  -Dspotless.check.skip -Dmdep.outputFile=target/benchmark.classpath
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
exec "$JAVA_HOME/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)" \
  "org.stockalerts.benchmarks.$main" "$@"
