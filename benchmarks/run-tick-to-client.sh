#!/usr/bin/env bash
# Tick-to-client latency: a tick produced on stock-prices to the alert it fires on alerts-triggered (read_committed),
# on the owner's SSE stream of api-service, at the owner's webhook receiver and as a row in the stored alerts, with the
# whole system running: the four services as their own processes from their executable jars, with default settings
# (STOCKALERTS_* variables set here are passed on), api-service's poller on the simulated feed, on an in-process Kafka
# broker and a fresh database on the local PostgreSQL (or TEST_DATABASE_URL). Prints each process's CPU share.
# Usage: benchmarks/run-tick-to-client.sh [measured seconds, default 30] [ticks/s, default 1000] [users, default 50]
#        [--two-services: alert-consumer and api-service only, no stored alerts]
# Takes about 4 minutes plus twice the measured seconds; stops by itself (20 minutes at most).
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"
./mvnw -B -q -pl api-service,alert-consumer,persistence-consumer,analytics-consumer,e2e-tests -am package dependency:build-classpath \
  -DskipTests -Dspotless.check.skip -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
# the harness finds the services' jars relative to the e2e-tests module, as the end-to-end tests do
cd e2e-tests
exec timeout --signal=TERM 20m "$JAVA_HOME/bin/java" -Xmx1g \
  -cp "target/test-classes:$(cat target/benchmark.classpath)" \
  org.stockalerts.e2e.TickToClientLatencyBenchmark "$@"
