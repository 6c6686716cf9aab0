#!/usr/bin/env bash
# Size of every function's deployment package, as sam build ships it, against 10 MB (10,000,000 bytes).
# Usage: bench/package-size.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java dev.newsroom.bench.PackageSizeBench --repo "$BENCH_ROOT" --all-jar "$ALL_JAR"
