#!/usr/bin/env bash
# Persistence benchmark: ticks/s from Kafka into PostgreSQL against a raw COPY of the same rows into
# the same table, in one run. Needs the local PostgreSQL (or TEST_DATABASE_URL); starts its own
# in-process Kafka broker. Usage: benchmarks/run-persistence.sh [ticks, default 500000]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -B -q -pl persistence-consumer -am test-compile dependency:build-classpath \
  -Dspotless.check.skip -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
module=persistence-consumer
exec "$JAVA_HOME/bin/java" -Xmx3g \
  -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/benchmark.classpath)" \
  org.stockalerts.persistence.ticks.PersistenceBenchmark "$@"
