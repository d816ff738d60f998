#!/usr/bin/env bash
# The fault-injection suite (issue #16, docs/reliability.md#fault-injection-suite): a Kafka broker process (the
# launcher's kafka_2.13 4.4.0 jars), the four services as processes from their jars, a fresh database on the local
# PostgreSQL (or TEST_DATABASE_URL), the tick-to-client benchmark's load; kills services and checks every sink
# against the brute-force engine. STOCKALERTS_* variables set here are passed on to the services.
# Usage: benchmarks/run-faults.sh [C1|C2|C3|C4|C5|C6|C7|C10|S1 …] [--kills 20] [--rate 1000] [--users 10] [--min-gap 5]
#        [--max-gap 30] [--broker-down 5,30,150,360] [--pause 60] [--db-down 30,180] [--drain 180] [--baseline 30]
#        [--blackhole 60] [--latency-phase 300] [--added-latency 200] [--after-heal 120] [--settle 60] [--seed 16]
#        [--aot-cache on|off];
#        no scenario runs C1, C2 and C3. The services run as ./stock-alerts starts them, with the JVM's AOT cache
#        (trained into faults/target/faults/aot once per build; --aot-cache off: from the executable jars).
#        Summaries: faults/target/faults/<scenario>.md and .json.
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"
# the services' executable jars first: building the faults module packages nothing, so that it reads
# alert-consumer's classes (an executable jar hides them)
./mvnw -B -q -pl api-service,alert-consumer,persistence-consumer,analytics-consumer -am package \
  -DskipTests -Dspotless.check.skip -Djacoco.skip=true
./mvnw -B -q -P faults -pl faults -am test-compile dependency:build-classpath -Dspotless.check.skip \
  -Djacoco.skip=true -Dmdep.outputFile=target/faults.classpath
# the broker's jars, as ./stock-alerts fetches them (tools/launcher/pom.xml), once
if [ ! -f faults/target/kafka-lib/.complete ]; then
  ./mvnw -B -q -f tools/launcher/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/faults/target/kafka-lib"
  touch faults/target/kafka-lib/.complete
fi
# the harness finds the services' jars relative to its module, as the end-to-end tests do
cd faults
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "target/classes:$(cat target/faults.classpath)" \
  org.stockalerts.faults.FaultSuite "$@"
