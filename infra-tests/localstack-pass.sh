#!/usr/bin/env bash
# The infra tests' second pass, against LocalStack in host mode (no Docker, no auth token) for the
# services its free line serves: S3, SQS, SNS and Secrets Manager. DynamoDB stays DynamoDB Local
# and SES stays moto (LocalStack's free line answers SES v2 with 501, and its DynamoDB downloads a
# JDK at run time), each chosen by its per-service endpoint variable. CI runs exactly this after
# `./mvnw -B verify`; see docs/localstack.md.
#
# Needs Python 3.13 (pyenv's, or PYTHON313=/path/to/python3.13). Installs requirements-localstack.txt
# into .venv-localstack/ on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

python313="${PYTHON313:-}"
if [ -z "$python313" ]; then
  for candidate in "$HOME/.pyenv/versions/3.13.0/bin/python3" "$(command -v python3.13 || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then python313="$candidate"; break; fi
  done
fi
if [ -z "$python313" ]; then
  echo "localstack-pass: needs Python 3.13 (set PYTHON313)" >&2
  exit 1
fi
if [ ! -x .venv-localstack/bin/python ]; then
  "$python313" -m venv .venv-localstack
fi
.venv-localstack/bin/python -m pip install --quiet --disable-pip-version-check \
  -r requirements-localstack.txt

port=$(.venv-localstack/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
state=$(mktemp -d)
log=infra-tests/target/localstack.log
mkdir -p infra-tests/target

# Loopback only, offline, and no Docker: the settings docs/localstack.md explains one by one.
GATEWAY_LISTEN="127.0.0.1:$port" GATEWAY_SERVER=hypercorn LOCALSTACK_HOST="127.0.0.1:$port" \
  OVERRIDE_IN_DOCKER=0 SQS_ENDPOINT_STRATEGY=path DNS_ADDRESS=0 DISABLE_EVENTS=1 \
  SKIP_SSL_CERT_DOWNLOAD=1 FILESYSTEM_ROOT="$state" \
  SERVICES=s3,sqs,sns,secretsmanager,scheduler,cloudformation,iam,sts \
  .venv-localstack/bin/python -m localstack.runtime.main >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$state"; }
trap stop EXIT

started=$(date +%s)
until curl -fsS "$endpoint/_localstack/health" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null || [ $(( $(date +%s) - started )) -gt 60 ]; then
    echo "localstack-pass: LocalStack did not start; its log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "LocalStack $(curl -fsS "$endpoint/_localstack/health" | sed -E 's/.*"version": "([^"]+)".*/\1/') ready on $endpoint in $(( $(date +%s) - started )) s"

# The suite's tests whose S3, SQS, SNS or Secrets Manager calls LocalStack serves (the others
# touch only DynamoDB and SES, which the first pass covers).
export AWS_ENDPOINT_URL_S3="$endpoint" AWS_ENDPOINT_URL_SQS="$endpoint" \
  AWS_ENDPOINT_URL_SNS="$endpoint" AWS_ENDPOINT_URL_SECRETS_MANAGER="$endpoint" \
  AWS_ENDPOINT_URL_SCHEDULER="$endpoint"
./mvnw -B -Plocalstack -pl infra-tests -am verify \
  -Dtest='SiteFaultsTest,PublishFaultsTest,MailFaultsTest,TokensTest' \
  -Dit.test='SubscriptionsIT,ReplayEventsIT,EditorFlowIT,ContactIT' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
