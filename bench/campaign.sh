#!/usr/bin/env bash
# One newsletter campaign to every confirmed subscriber through the real pipeline (expander,
# senders with their shared DynamoDB send rate, SesCampaignMailer and SqsCampaignQueue on the real
# SDK clients), run twice in one process: SES unthrottled (the pipeline's own ceiling on this
# machine), then SES enforcing a send rate. DynamoDB Local behind a counting proxy; SES v2 and SQS
# stand-ins over HTTP; the template's SQS event source mappings as threads. Prints the achieved /
# allowed rate, duplicates and lost recipients, DynamoDB requests per recipient, Lambda
# invocations per 1,000 recipients, the senders' heap allocation, and SQS requests.
# Usage: bench/campaign.sh [--recipients N (10000)] [--rate PER_SECOND] [--senders N (8)]
# The throttled run's rate defaults to half the unthrottled one (at most 500/s), so that it measures
# the shared send rate rather than this machine.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_java dev.newsroom.bench.CampaignBench --repo "$BENCH_ROOT" "$@"
