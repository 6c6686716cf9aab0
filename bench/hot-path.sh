#!/usr/bin/env bash
# JMH: handler time per request, no I/O, for an article list page of 20 items (event bytes in,
# response bytes out, in-memory repository). Usage: bench/hot-path.sh [extra JMH options]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java org.openjdk.jmh.Main 'dev.newsroom.articles.HotPathBenchmark' -rf text \
  -rff "$BENCH_ROOT/bench/harness/target/jmh-hot-path.txt" "$@"
us=$(awk '/HotPathBenchmark.listPageOf20/ {print $(NF-3)}' "$BENCH_ROOT/bench/harness/target/jmh-hot-path.txt")
awk -v us="$us" 'BEGIN {printf "\nRATIO hot path / 100 us budget = %.3f  (%s us per request; target < 100 us)\n", us / 100, us}'
