# shellcheck shell=bash
# Sourced by benchmarks/run-*.sh: works from the repository root with the JDK the build uses, and
# builds and starts a benchmark's main class (the calling script's process becomes the JVM).
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME

# run_benchmark 'JVM OPTIONS' CLASS [ARGS...]: a class of the benchmarks module (profile benchmarks);
# BENCH_JAVA_OPTS adds JVM options.
run_benchmark() {
  local -a jvm_options extra_options
  read -ra jvm_options <<<"$1"
  read -ra extra_options <<<"${BENCH_JAVA_OPTS:-}"
  local main=$2
  shift 2
  ./mvnw -B -q -P benchmarks -pl benchmarks -am test-compile dependency:build-classpath \
    -Dspotless.check.skip -Dmdep.outputFile=target/benchmark.classpath
  exec "$JAVA_HOME/bin/java" "${jvm_options[@]}" "${extra_options[@]}" \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)" \
    "org.stockalerts.benchmarks.$main" "$@"
}

# run_module_test_class MODULE HEAP CLASS [ARGS...]: a benchmark kept among MODULE's test classes.
run_module_test_class() {
  local module=$1 heap=$2 main=$3
  shift 3
  ./mvnw -B -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dspotless.check.skip -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
  exec "$JAVA_HOME/bin/java" "-Xmx$heap" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark.classpath")" \
    "$main" "$@"
}
