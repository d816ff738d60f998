#!/usr/bin/env bash
# API load (issue #22, docs/benchmarks.md "API under load"): the whole system started by ./stock-alerts (the four
# services, Kafka, the simulated feed) on a data folder, database and ports of its own, USERS users registered with
# real keys (each with a portfolio and a rule), then Gatling (api-load module) at fixed arrival rates, one run per
# mix and rate after a 30-s warm-up. Per run: requests, failures, throughput and p50/p95/p99/max per request type,
# each process's CPU, and for writes the outbox's commit -> Kafka delay (p50/p99).
# Usage: benchmarks/run-api-load.sh [--users 1000] [--seconds 60] [--mix reads|writes|mix]... RATE...
#   e.g. benchmarks/run-api-load.sh --mix reads --mix mix 1000 2000 3000
# Each user's requests carry an address of its own in X-Forwarded-For, which the run trusts from 127.0.0.1 (as from a
# proxy in front of api-service); per-address and registration limits are raised for the setup, which registers every
# user from 127.0.0.1; the per-key limit stays. Results: api-load/target/api-load/results.md; Gatling's reports under api-load/target/gatling/.
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"

USERS=1000
SECONDS_PER_RUN=60
MIXES=()
RATES=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --users) USERS="$2"; shift 2 ;;
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    --mix) MIXES+=("$2"); shift 2 ;;
    [0-9]*) RATES+=("$1"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ "${#MIXES[@]}" -gt 0 ] || MIXES=(reads writes mix)
[ "${#RATES[@]}" -gt 0 ] || RATES=(500 1000 2000)

WORK="$PWD/api-load/target/api-load"
rm -rf "$WORK"
mkdir -p "$WORK"
DATABASE=stock_alerts_api_load
export STOCK_ALERTS_DATA_DIR="$WORK/data" STOCK_ALERTS_ENV_FILE="$WORK/none.env" STOCK_ALERTS_AOT_CACHE=off
export API_PORT=18080 ALERT_CONSUMER_PORT=18081 PERSISTENCE_CONSUMER_PORT=18082 ANALYTICS_CONSUMER_PORT=18083
export API_MANAGEMENT_PORT=19080 ALERT_CONSUMER_MANAGEMENT_PORT=19081 PERSISTENCE_CONSUMER_MANAGEMENT_PORT=19082
export ANALYTICS_CONSUMER_MANAGEMENT_PORT=19083 KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE"
export STOCKALERTS_API_RATE_LIMITS_PER_ADDRESS_PER_SECOND=1000000 STOCKALERTS_API_RATE_LIMITS_PER_ADDRESS_BURST=1000000
export STOCKALERTS_API_RATE_LIMITS_REGISTRATIONS_PER_HOUR=1000000
# the load comes through "a proxy" on 127.0.0.1 that names each user's own address (X-Forwarded-For)
export STOCKALERTS_API_TRUSTED_PROXIES='127\.0\.0\.1'
BASE="http://127.0.0.1:$API_PORT"

cleanup() {
  ./stock-alerts stop >/dev/null 2>&1 || true
  psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DATABASE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DATABASE" >/dev/null 2>&1 || true

./mvnw -B -q -P api-load -pl api-load test-compile dependency:build-classpath -Dspotless.check.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/api-load.classpath
./stock-alerts start --detach
"$JAVA_HOME/bin/java" -cp "api-load/target/test-classes:$(cat api-load/target/api-load.classpath)" \
  org.stockalerts.apiload.ApiLoadSetup "$BASE" "$USERS" "$WORK/users.csv"

# user+system CPU seconds of each process the launcher started
cpu_seconds() {
  local file name pid
  for file in "$STOCK_ALERTS_DATA_DIR"/run/*.pid; do
    name="$(basename "$file" .pid)"
    pid="$(cat "$file")"
    [ -r "/proc/$pid/stat" ] || continue
    awk -v name="$name" -v hz="$(getconf CLK_TCK)" '{ printf "%s %.2f\n", name, ($14 + $15) / hz }' "/proc/$pid/stat"
  done
}

# the outbox's commit -> Kafka histogram (stockalerts.api.outbox.publish.delay): "bound cumulative-count" lines
outbox_buckets() {
  curl -s "http://127.0.0.1:$API_MANAGEMENT_PORT/actuator/prometheus" |
    sed -n 's/^stockalerts_api_outbox_publish_delay_seconds_bucket{.*le="\([^"]*\)".*} \(.*\)/\1 \2/p' | sort
}

gatling() {
  local mix="$1" rate="$2" seconds="$3"
  ./mvnw -B -q -P api-load -pl api-load gatling:test -Dspotless.check.skip -Dload.baseUrl="$BASE" \
    -Dload.mix="$mix" -Dload.rate="$rate" -Dload.seconds="$seconds" -Dload.users="$WORK/users.csv" >"$WORK/gatling.log" 2>&1 ||
    { tail -n 40 "$WORK/gatling.log" >&2; return 1; }
  find api-load/target/gatling -mindepth 1 -maxdepth 1 -type d -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d' ' -f2
}

echo "warm-up: mix at ${RATES[0]}/s for 30 s"
gatling mix "${RATES[0]}" 30 >/dev/null || true

RESULTS="$WORK/results.md"
{
  echo "# API load, $(date -u +%FT%TZ), $USERS users, ${SECONDS_PER_RUN} s per run"
  echo
  echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RESULTS"
for mix in "${MIXES[@]}"; do
  for rate in "${RATES[@]}"; do
    before="$(cpu_seconds)"
    outbox_before="$(outbox_buckets)"
    started=$SECONDS
    report="$(gatling "$mix" "$rate" "$SECONDS_PER_RUN")"
    elapsed=$((SECONDS - started))
    after="$(cpu_seconds)"
    outbox="$(join <(echo "$outbox_before") <(outbox_buckets) | sort -g | awk '
      { bound[NR] = $1; count[NR] = $3 - $2; total = count[NR] }
      END {
        if (total <= 0) exit
        for (i = 1; i <= NR; i++) {
          # the quantile lies in the first bucket holding its share; past the last bound only "more than" is known
          at = (bound[i] == "+Inf") ? "> " bound[i - 1] : "<= " bound[i]
          if (!p50 && count[i] >= 0.5 * total) p50 = at
          if (!p99 && count[i] >= 0.99 * total) p99 = at
          if (bound[i] == "0.1") within = 100 * count[i] / total
        }
        printf "%d events; p50 %s s, p99 %s s (histogram bounds); within 100 ms: %.1f%%", total, p50, p99, within
      }')"
    {
      echo
      echo "## $mix at $rate/s (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
      echo
      # Gatling 3.15's report keeps its statistics table in index.html (it writes no stats.json)
      python3 - "$report/index.html" <<'PY'
import re, sys
from html.parser import HTMLParser

class Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag == "td" and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if len(self.row) >= 13:
                self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

table = Rows()
table.feed(open(sys.argv[1]).read())
print("| request | count | failed | req/s | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for row in table.rows:
    # columns: name, total, OK, KO, % KO, count/s, min, p50, p95, p99, p99.9, max, mean, std dev
    name = re.sub(r"\s+\d+$", "", row[0])
    print("| %s |" % " | ".join([name, row[1], row[3], row[5], row[7], row[8], row[9], row[10], row[11]]))
PY
      echo
      echo "CPU (% of one core over ${elapsed} s, Gatling included in the run's wall time):"
      join <(echo "$before" | sort) <(echo "$after" | sort) |
        awk -v t="$elapsed" '{ printf "%s %.0f%%; ", $1, 100 * ($3 - $2) / t }'
      echo
      [ -z "$outbox" ] || echo "outbox commit -> Kafka during the run: $outbox"
    } >>"$RESULTS"
    tail -n 20 "$RESULTS"
  done
done
echo "results: $RESULTS"
