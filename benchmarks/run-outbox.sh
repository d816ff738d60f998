#!/usr/bin/env bash
# Outbox latency benchmark: commit of an API write to arrival of its event on user-events, through
# the whole api-service on the test infrastructure (in-process Kafka broker, fresh database on the
# local PostgreSQL or TEST_DATABASE_URL). Usage: benchmarks/run-outbox.sh [events, default 500] [pause ms, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -B -q -pl api-service -am test-compile dependency:build-classpath \
  -Dspotless.check.skip -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
module=api-service
exec "$JAVA_HOME/bin/java" -Xmx1g \
  -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/benchmark.classpath)" \
  org.stockalerts.api.outbox.OutboxLatencyBenchmark "$@"
