#!/usr/bin/env python3
"""Asks LocalStack's CloudFormation to create template.yaml and prints what its free line refuses.

Started by `infra-tests/localstack-pass.sh --deploy-check`, which starts LocalStack with the
services the template uses; by hand: .venv-localstack/bin/python infra-tests/localstack-deploy-check.py URL
Exits 0 only if the stack was created. See docs/localstack.md for the result.
"""
import collections
import importlib.metadata
import io
import json
import pathlib
import sys
import time
import zipfile

import boto3
import yaml

endpoint = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:4566"
root = pathlib.Path(__file__).resolve().parent.parent
client = dict(endpoint_url=endpoint, region_name="us-east-1",
              aws_access_key_id="test", aws_secret_access_key="test")
s3 = boto3.client("s3", **client)
cloudformation = boto3.client("cloudformation", **client)

bucket, stack = "newsroom-deploy-check", f"newsroom-check-{int(time.time())}"
s3.create_bucket(Bucket=bucket)
code = io.BytesIO()
with zipfile.ZipFile(code, "w") as archive:
    archive.writestr("README", "the wiring is checked here, not the code")
s3.put_object(Bucket=bucket, Key="code.zip", Body=code.getvalue())
# What `sam package` does: the code as an S3 object, and the template (over CloudFormation's
# 51,200-byte inline limit) uploaded too.
template = "\n".join(
    line.split("CodeUri:")[0] + f"CodeUri: s3://{bucket}/code.zip" if line.strip().startswith("CodeUri:") else line
    for line in (root / "template.yaml").read_text().splitlines())
s3.put_object(Bucket=bucket, Key="template.yaml", Body=template.encode())

began = time.monotonic()
cloudformation.create_stack(
    StackName=stack, TemplateURL=f"{endpoint}/{bucket}/template.yaml",
    Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND", "CAPABILITY_NAMED_IAM"])
status = "CREATE_IN_PROGRESS"
while status.endswith("IN_PROGRESS") and time.monotonic() - began < 600:
    time.sleep(1)
    status = cloudformation.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
print(f"stack {stack}: {status} after {time.monotonic() - began:.0f} s")

# The resources after the SAM transform, and which types localstack-core has no provider for
# (CloudFormation there skips those with a warning: CFN_IGNORE_UNSUPPORTED_RESOURCE_TYPES).
providers = {e.name.lower() for e in importlib.metadata.entry_points(
    group="localstack.cloudformation.resource_providers")}
processed = cloudformation.get_template(StackName=stack, TemplateStage="Processed")["TemplateBody"]
if isinstance(processed, str):
    processed = json.loads(processed) if processed.lstrip().startswith("{") else yaml.safe_load(processed)
if "Transform" in processed:
    sys.exit("LocalStack answered the template before the SAM transform; cannot list its resources")
types = collections.Counter(r["Type"] for r in processed["Resources"].values())
print(f"{sum(types.values())} resources of {len(types)} types after the SAM transform: "
      + ", ".join(f"{t} x{n}" for t, n in sorted(types.items())))
missing = sorted(t for t in types if t.lower() not in providers)
print("no provider in localstack-core (skipped):",
      ", ".join(f"{t} x{types[t]}" for t in missing) or "none")

# Per resource, its last event: what was created, what was refused and why.
last, failed = {}, {}
for page in cloudformation.get_paginator("describe_stack_events").paginate(StackName=stack):
    for event in page["StackEvents"]:  # newest first
        if event["LogicalResourceId"] != stack:
            last.setdefault(event["LogicalResourceId"], event)
            if event["ResourceStatus"].endswith("FAILED"):
                failed[event["LogicalResourceId"]] = event
outcome = collections.defaultdict(collections.Counter)
for event in last.values():
    outcome[event["ResourceStatus"]][event["ResourceType"]] += 1
for state in sorted(outcome):
    print(f"{state}: " + ", ".join(f"{t} x{n}" for t, n in sorted(outcome[state].items())))
for event in failed.values():
    reason = (event.get("ResourceStatusReason") or "").strip().splitlines() or [""]
    print(f'  refused {event["LogicalResourceId"]} ({event["ResourceType"]}): {reason[0][:200]}')

# CloudFormation stops at the first refusal, so ask Lambda directly what a function of the
# template would get: java21 with SnapStart, a published version and the `live` alias.
if status != "CREATE_COMPLETE":
    iam, awslambda = boto3.client("iam", **client), boto3.client("lambda", **client)
    role = iam.create_role(RoleName="newsroom-check", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                "Principal": {"Service": "lambda.amazonaws.com"}}]}))
    try:
        awslambda.create_function(
            FunctionName="newsroom-check", Runtime="java21", Role=role["Role"]["Arn"],
            Handler="dev.newsroom.articles.GetArticleHandler::handleRequest", MemorySize=1024,
            Code={"S3Bucket": bucket, "S3Key": "code.zip"}, SnapStart={"ApplyOn": "PublishedVersions"})
        state = "Pending"
        for _ in range(60):
            state = awslambda.get_function(FunctionName="newsroom-check")["Configuration"]["State"]
            if state != "Pending":
                break
            time.sleep(1)
        version = awslambda.publish_version(FunctionName="newsroom-check")["Version"]
        awslambda.create_alias(FunctionName="newsroom-check", Name="live", FunctionVersion=version)
        print(f"Lambda: function {state}, version {version} published, alias live created "
              "(not invoked: invoking needs Docker)")
    except Exception as refused:  # what the free line answers is the result here
        print(f"Lambda: refused: {str(refused).splitlines()[0][:200]}")
sys.exit(0 if status == "CREATE_COMPLETE" else 1)
