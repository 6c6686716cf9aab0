#!/usr/bin/env bash
# Size of every function's deployment package, as template.yaml deploys it, against 10 MB.
# Usage: bench/package-size.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java dev.newsroom.bench.PackageSizeBench --repo "$BENCH_ROOT"
