#!/usr/bin/env bash
# Processing time and peak memory of one upload, for the two sizes issue 14 names: a JPEG just
# under 20 MB and a 6000 x 4000 PNG. Each case runs in its own JVM whose heap is capped at 85% of
# MEMORY MB (the rest for metaspace, code and native buffers of a function of that size), and
# prints its peak heap and peak RSS next to that memory. ProcessImageFunction's MemorySize in
# template.yaml comes from these figures.
# Usage: bench/images.sh [MEMORY_MB, default 2048] [RUNS, default 4]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
MEMORY="${1:-2048}"
RUNS="${2:-4}"
bench_build
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
bench_java dev.newsroom.bench.ImageBench make "$WORK/photo.jpg" "$WORK/big.png"
echo "Lambda memory ${MEMORY} MB; first run, then the median of the next $((RUNS - 1))"
for kind in jpeg png; do
  file="$WORK/photo.jpg"; [ "$kind" = png ] && file="$WORK/big.png"
  (cd "$BENCH_ROOT" && java -XX:+UseSerialGC -Xmx$((MEMORY * 85 / 100))m \
    -cp "$BENCH_ROOT/bench/harness/target/classes:$(cat "$BENCH_ROOT/bench/harness/target/classpath.txt")" \
    dev.newsroom.bench.ImageBench "$kind" "$file" "$RUNS")
done
