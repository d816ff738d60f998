#!/usr/bin/env bash
# The rate limiter's cost on request latency: two api-service processes from the executable jar (rate limits on,
# with limits too high to refuse; rate limits off) on an in-process Kafka broker and a fresh database on the local
# PostgreSQL (or TEST_DATABASE_URL); one client alternates GET /users/{id} between them and prints p50/p99/mean of
# each. Usage: benchmarks/run-rate-limiter.sh [requests per instance, default 5000]. Takes about 3 minutes.
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"
./mvnw -B -q -pl api-service,e2e-tests -am package dependency:build-classpath \
  -DskipTests -Dspotless.check.skip -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
# the harness finds the service's jar relative to the e2e-tests module, as the end-to-end tests do
cd e2e-tests
exec timeout --signal=TERM 20m "$JAVA_HOME/bin/java" -Xmx512m \
  -cp "target/test-classes:$(cat target/benchmark.classpath)" \
  org.stockalerts.e2e.RateLimiterLatencyBenchmark "$@"
