#!/usr/bin/env bash
# How late 20 scheduled articles appear in the dev server (API and rendered page), p50 and max,
# for times on a whole minute and at a random second. About four minutes, mostly waiting.
# Usage: bench/schedule-latency.sh [articles, default 20]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java dev.newsroom.bench.ScheduleLatencyBench --repo "$BENCH_ROOT" --articles "${1:-20}"
