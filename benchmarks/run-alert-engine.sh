#!/usr/bin/env bash
# Alert engine benchmark: rules loaded, start-up, ticks/s, bare-consumer ratio, latency, heap and the seed's
# PostgreSQL approach, all on an in-process KRaft broker (127.0.0.1) and the local PostgreSQL.
# Usage: benchmarks/run-alert-engine.sh [rules 1000000] [symbols 5000] [ticks 500000] [latency rate 5000]
#        [latency seconds 20] [baseline ticks 2000] [tick keys java|crc32|keyless, default java]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -B -q -P benchmarks -pl benchmarks -am compile dependency:build-classpath \
  -Dspotless.check.skip -Dmdep.outputFile=target/benchmark.classpath
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
exec "$JAVA_HOME/bin/java" -Xmx3g -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)" \
  org.stockalerts.benchmarks.AlertEngineBenchmark "$@"
