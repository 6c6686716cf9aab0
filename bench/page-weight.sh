#!/usr/bin/env bash
# Bytes of the article page, home page and feed as the publisher renders them, raw and gzipped.
# Usage: bench/page-weight.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java dev.newsroom.bench.PageWeightBench
