# Shared by the bench scripts: build once, then run a harness main on the harness classpath.
# Sourced, never run. The build packages the deployment packages exactly as `./mvnw package` does
# (functions/target/packages, and the -all jar they are cut from), plus the baseline jar (profile
# bench-jars), and runs no tests. Online on purpose: `./mvnw verify` never fetches
# maven-dependency-plugin nor the bench-jars plugins, so an offline build fails on a fresh clone.
# BENCH_BUILD_ONLY=1 stops a script after its build: `.ci/run` uses it to keep every script buildable.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ALL_JAR="$BENCH_ROOT/functions/target/functions-1.0.0-SNAPSHOT-all.jar"
HARNESS_JAR="$BENCH_ROOT/bench/harness/target/bench-1.0.0-SNAPSHOT.jar"
BASELINE_JAR="$BENCH_ROOT/bench/baseline/target/bench-baseline-1.0.0-SNAPSHOT-lambda.jar"

bench_build() {
  # BENCH_BUILT_STAMP: a file that says this same build already ran (.ci/run builds once for all).
  if [ -z "${BENCH_BUILT_STAMP:-}" ] || [ ! -e "$BENCH_BUILT_STAMP" ]; then
    (cd "$BENCH_ROOT" && ./mvnw -B -q -pl functions,bench/baseline,bench/harness -am \
      -DskipTests -Pbench-jars package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2)
    if [ -n "${BENCH_BUILT_STAMP:-}" ]; then touch "$BENCH_BUILT_STAMP"; fi
  fi
  if [ "${BENCH_BUILD_ONLY:-}" = 1 ]; then
    echo "built: $(basename "$0")" >&2
    exit 0
  fi
}

bench_java() {
  local cp="$BENCH_ROOT/bench/harness/target/classes:$(cat "$BENCH_ROOT/bench/harness/target/classpath.txt")"
  (cd "$BENCH_ROOT" && java -XX:+UseSerialGC -cp "$cp" "$@")
}
