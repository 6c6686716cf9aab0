#!/usr/bin/env bash
# GET /api/articles p50/p99 with 10 and with 10,000 published articles, side by side, against
# DynamoDB Local over HTTP. Usage: bench/list-latency.sh [requests-per-size, default 2000]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java dev.newsroom.bench.ListLatencyBench --repo "$BENCH_ROOT" --requests "${1:-2000}"
