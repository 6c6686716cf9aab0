#!/usr/bin/env bash
# Cold start of every HTTP function (fresh JVM: handler init + first invocation against DynamoDB
# Local over HTTP) next to a bare JVM and a sample-style baseline, plus one row per lever.
# Usage: bench/cold-start.sh [runs-per-variant, default 10] [--only FunctionId,...]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java dev.newsroom.bench.ColdStartBench --repo "$BENCH_ROOT" \
  --all-jar "$ALL_JAR" --baseline-jar "$BASELINE_JAR" \
  --harness-jar "$HARNESS_JAR" --runs "${1:-10}" "${@:2}"
