#!/usr/bin/env bash
# Site publishing cost at 10 and at 10,000 published articles side by side (pages written,
# DynamoDB read units, time per publish, and their ratios), a 1,000-publish burst drained in the
# template's stream batches, and the full rebuild at 10,000; DynamoDB Local and S3Mock over HTTP.
# Usage: bench/site-publish.sh [publishes-per-size, default 30]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java dev.newsroom.bench.SitePublishBench --repo "$BENCH_ROOT" --publishes "${1:-30}"
