#!/usr/bin/env bash
# The infra tests' second pass, against LocalStack in host mode (no Docker, no auth token) for the
# services its free line serves: S3, SQS, SNS and Secrets Manager. DynamoDB stays DynamoDB Local
# and SES stays moto (LocalStack's free line answers SES v2 with 501, and its DynamoDB downloads a
# JDK at run time), each chosen by its per-service endpoint variable. CI runs exactly this after
# `./mvnw -B verify`; see docs/localstack.md.
#
#   infra-tests/localstack-pass.sh [Maven arguments]   the second pass (extra arguments go to Maven)
#   infra-tests/localstack-pass.sh --deploy-check      template.yaml into LocalStack's CloudFormation
#
# Needs Python 3.13 (pyenv's 3.13.0, python3.13 on the PATH, or PYTHON313=/path/to/python3.13).
# Installs requirements-localstack.txt into .venv-localstack/ on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=tests
if [ "${1:-}" = "--deploy-check" ]; then
  mode=deploy-check
  shift
fi

began=$(date +%s)
venv_s=0 start_s=0 run_s=0
summary() {
  local label=Maven
  [ "$mode" = deploy-check ] && label="deploy check"
  echo "localstack-pass: $(( $(date +%s) - began )) s (venv and pip $venv_s s," \
    "LocalStack start $start_s s, $label $run_s s)"
}

python313="${PYTHON313:-}"
if [ -z "$python313" ]; then
  for candidate in "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")/versions/3.13.0/bin/python3.13" \
      "$(command -v python3.13 || true)"; do
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
venv_s=$(( $(date +%s) - began ))

port=$(.venv-localstack/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
state=$(mktemp -d)
log=infra-tests/target/localstack.log
mkdir -p infra-tests/target

if [ "$mode" = tests ]; then
  # What the tests call: no Scheduler, since the app has no Scheduler client (docs/scheduling.md).
  services=s3,sqs,sns,secretsmanager
else
  # What template.yaml declares that localstack-core has a provider for (docs/localstack.md).
  services=cloudformation,s3,sqs,sns,secretsmanager,iam,sts,lambda,dynamodb,dynamodbstreams,logs,cloudwatch,events,ses,apigateway
fi

# Loopback only, offline, and no Docker: the settings docs/localstack.md explains one by one.
# S3_SKIP_SIGNATURE_VALIDATION=0: presigned URLs are checked as S3 checks them (ImagesIT).
started=$(date +%s)
GATEWAY_LISTEN="127.0.0.1:$port" GATEWAY_SERVER=hypercorn LOCALSTACK_HOST="127.0.0.1:$port" \
  OVERRIDE_IN_DOCKER=0 SQS_ENDPOINT_STRATEGY=path DNS_ADDRESS=0 DISABLE_EVENTS=1 \
  SKIP_SSL_CERT_DOWNLOAD=1 FILESYSTEM_ROOT="$state" S3_SKIP_SIGNATURE_VALIDATION=0 \
  SERVICES="$services" \
  .venv-localstack/bin/python -m localstack.runtime.main >"$log" 2>&1 &
pid=$!
stop() {
  kill "$pid" 2>/dev/null || true
  # 4.13.1 can hang in its shutdown ("Stopping all services") for minutes: 10 s, then KILL.
  for _ in $(seq 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$state"
  summary
}
trap stop EXIT

# Ready when its health endpoint answers (Python's urllib: nothing to install for it).
if ! .venv-localstack/bin/python - "$endpoint" "$pid" <<'EOF'
import json, os, sys, time, urllib.request
endpoint, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(endpoint + "/_localstack/health", timeout=2) as answer:
            print("LocalStack", json.load(answer).get("version"), "ready on", endpoint)
            sys.exit(0)
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            sys.exit(1)
        time.sleep(0.25)
sys.exit(1)
EOF
then
  echo "localstack-pass: LocalStack did not start; its log:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
start_s=$(( $(date +%s) - started ))

ran=$(date +%s)
if [ "$mode" = deploy-check ]; then
  set +e
  .venv-localstack/bin/python infra-tests/localstack-deploy-check.py "$endpoint"
  status=$?
  set -e
  run_s=$(( $(date +%s) - ran ))
  exit "$status"
fi

# The suite's tests whose S3, SQS, SNS or Secrets Manager calls LocalStack serves (the others
# touch only DynamoDB and SES, which the first pass covers). NEWSROOM_SIGNING_S3: ImagesIT's
# check that S3 refuses a presigned PUT of another size, type or key (moto does not verify).
export AWS_ENDPOINT_URL_S3="$endpoint" AWS_ENDPOINT_URL_SQS="$endpoint" \
  AWS_ENDPOINT_URL_SNS="$endpoint" AWS_ENDPOINT_URL_SECRETS_MANAGER="$endpoint" \
  NEWSROOM_SIGNING_S3="$endpoint"
# -am rebuilds what changed in functions and devserver, so the pass runs against this checkout's
# code; packages.skip leaves out the shaded jar and the ProGuard packages, which no test here
# reads (the first pass's package tests do).
set +e
./mvnw -B -Plocalstack -pl infra-tests -am verify -Dpackages.skip=true \
  -Dtest='SiteFaultsTest,PublishFaultsTest,CampaignFaultsTest,TokensTest' \
  -Dit.test='SubscriptionsIT,ReplayEventsIT,EditorFlowIT,ContactIT,ImagesIT,RedriveIT' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
status=$?
set -e
run_s=$(( $(date +%s) - ran ))
exit "$status"
