#!/usr/bin/env bash
# Sourced by the script tests (test-launcher.sh, container-test.sh): PASS/FAIL lines with their counts, and free
# ports on loopback.

passed=0
failed=0

# serves_dashboard BASE_URL: the web dashboard at / of the API, its script and uPlot from the WebJar, with a
# Content-Security-Policy that allows no inline script.
serves_dashboard() {
  local base="$1" headers body
  headers="$(mktemp)"
  body="$(curl -s -D "$headers" --max-time 10 "$base/")" || { rm -f "$headers"; return 1; }
  if ! grep -qi "^content-security-policy:.*script-src 'self'" "$headers" || grep -qi "unsafe-inline" "$headers" ||
    ! grep -q '<title>Stock Alerts</title>' <<<"$body" || ! grep -q 'src="/app/main.js"' <<<"$body"; then
    echo "  GET $base/ did not answer the dashboard with its CSP:" >&2
    cat "$headers" >&2
    rm -f "$headers"
    return 1
  fi
  rm -f "$headers"
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/app/main.js")" = 200 ] &&
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/webjars/uplot/dist/uPlot.min.css")" = 200 ]
}
# check DESCRIPTION COMMAND [ARG...]: runs the command and prints PASS or FAIL with the description.
check() {
  local description="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "PASS  $description"
  else
    failed=$((failed + 1))
    echo "FAIL  $description"
  fi
}

# shellcheck disable=SC2016 # $0 belongs to the inner shell
port_free() { ! timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null; }

# free_ports N: the first of N consecutive free ports from a random base, so parallel runs do not collide. The base
# stays below 32768, where Linux's ephemeral ports begin (ip_local_port_range): a port found free there cannot be
# taken, before the service binds it, by the local end of some outgoing connection.
free_ports() {
  local count="$1" base offset
  for _ in $(seq 1 50); do
    base=$((20000 + RANDOM % (32768 - 20000 - count)))
    for ((offset = 0; offset < count; offset++)); do
      port_free $((base + offset)) || continue 2
    done
    echo "$base"
    return 0
  done
  echo "no $count free consecutive ports found" >&2
  return 1
}
