#!/usr/bin/env python3
"""Asks LocalStack's CloudFormation to create template.yaml and prints what its free line refuses.

Run with the LocalStack venv's Python (boto3 and PyYAML come with localstack-core), LocalStack
running: .venv-localstack/bin/python infra-tests/localstack-deploy-check.py http://127.0.0.1:4566
See docs/localstack.md for the result and why there is no deploy test.
"""
import io
import pathlib
import sys
import time
import zipfile

import boto3

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

cloudformation.create_stack(
    StackName=stack, TemplateURL=f"{endpoint}/{bucket}/template.yaml",
    Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND", "CAPABILITY_NAMED_IAM"])
for _ in range(240):
    status = cloudformation.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
    if not status.endswith("IN_PROGRESS"):
        break
    time.sleep(1)
print(f"stack {stack}: {status}")
for event in cloudformation.describe_stack_events(StackName=stack)["StackEvents"]:
    if event["ResourceStatus"].endswith("FAILED") and event["LogicalResourceId"] != stack:
        print(f'  refused {event["LogicalResourceId"]} ({event["ResourceType"]}): '
              f'{(event.get("ResourceStatusReason") or "")[:160]}')
